import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/**
 * SHA-256, the hash of membership chains and snapshot proofs (the relay computes it too, with
 * node:crypto). libsodium's standard build has no SHA-256, hence the audited @noble/hashes.
 */
export function sha256(bytes: Uint8Array): Uint8Array {
  return nobleSha256(bytes);
}
