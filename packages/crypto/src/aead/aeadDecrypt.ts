import { TrameError } from '@trame/protocol';
import { sodium } from '../sodium/sodium.js';

/** Opens an XChaCha20-Poly1305 (IETF) ciphertext; throws DECRYPT_FAILED on any mismatch. */
export function aeadDecrypt(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, ad: Uint8Array): Uint8Array {
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key);
  } catch {
    throw new TrameError('DECRYPT_FAILED', 'ciphertext does not open with this key and header');
  }
}
