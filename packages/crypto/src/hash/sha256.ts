import { sodium } from '../sodium/sodium.js';

/** SHA-256, the hash of membership chains and snapshot proofs (the relay computes it too). */
export function sha256(bytes: Uint8Array): Uint8Array {
  return sodium.crypto_hash_sha256(bytes);
}
