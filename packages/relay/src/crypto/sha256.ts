import { createHash } from 'node:crypto';

/** SHA-256 of bytes: membership chain hashes (R31) and snapshot proofs (R24). */
export function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}
