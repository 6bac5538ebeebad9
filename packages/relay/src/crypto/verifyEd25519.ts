import { verify } from 'node:crypto';
import { publicKeyFromRaw } from './publicKeyFromRaw.js';

/**
 * Ed25519 verification with node:crypto. The relay verifies only AUTH and MEMBERSHIP
 * signatures (R12, R33); it never needs, and never gets, a decryption key.
 * Returns false rather than throwing for keys that are not valid curve points.
 */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify(null, message, publicKeyFromRaw(publicKey), signature);
  } catch {
    return false;
  }
}
