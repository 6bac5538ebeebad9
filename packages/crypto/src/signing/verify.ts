import { isStrictPublicKey, isStrictSignature } from '@trame/protocol';
import { sodium } from '../sodium/sodium.js';

/**
 * Verifies a detached Ed25519 signature; false (never a throw) for any malformed input. R36:
 * the same strict rule as the relay's, checked here explicitly rather than left to libsodium's
 * build options.
 */
export function verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (!isStrictPublicKey(publicKey) || !isStrictSignature(signature)) return false;
  try {
    return sodium.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return false;
  }
}
