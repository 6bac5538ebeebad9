import { sodium } from '../sodium/sodium.js';

/** Detached Ed25519 signature. Callers pass domain-separated input (PROTOCOL.md R5). */
export function sign(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  return sodium.crypto_sign_detached(message, secretKey);
}
