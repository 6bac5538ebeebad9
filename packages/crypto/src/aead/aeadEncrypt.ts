import { sodium } from '../sodium/sodium.js';

/** XChaCha20-Poly1305 (IETF) with associated data; the nonce must be fresh and random. */
export function aeadEncrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, ad: Uint8Array): Uint8Array {
  return sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
}
