import { snapshotProofInput, ZERO_HASH } from '@trame/protocol';
import { sha256 } from '../hash/sha256.js';

/**
 * R24: the proof of a snapshot whose parent has proof `parent.proof` and whole-frame hash
 * `parent.frameHash` (SHA-256 of its raw bytes); pass `null` for a first snapshot.
 */
export function snapshotProof(parent: { proof: Uint8Array; frameHash: Uint8Array } | null): Uint8Array {
  if (!parent) return sha256(snapshotProofInput(ZERO_HASH, ZERO_HASH));
  return sha256(snapshotProofInput(parent.proof, parent.frameHash));
}
