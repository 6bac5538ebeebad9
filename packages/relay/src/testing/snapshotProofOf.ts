import { createHash } from 'node:crypto';
import { DOMAIN, ZERO_HASH } from '@trame/protocol';

function sha256(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

/**
 * R24 computed independently of the relay's code: the proof of a snapshot whose parent has
 * `parentProof` and raw frame `parentRaw` (both omitted for a first snapshot).
 */
export function snapshotProofOf(parent?: { proof: Uint8Array; raw: Uint8Array }): Uint8Array {
  if (!parent) return sha256(DOMAIN.snapshotProof, ZERO_HASH, ZERO_HASH);
  return sha256(DOMAIN.snapshotProof, parent.proof, sha256(parent.raw));
}
