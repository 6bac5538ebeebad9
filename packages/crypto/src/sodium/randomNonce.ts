import { NONCE_BYTES } from '@trame/protocol';

/** Nonces handed out from one getRandomValues call (170 × 24 bytes). */
const POOL_BYTES = 170 * NONCE_BYTES;

let pool = new Uint8Array(0);
let offset = 0;

/**
 * A fresh 24-byte AEAD nonce from the platform CSPRNG. One `getRandomValues` call costs about
 * 5 µs under Node whatever its size, a large share of a keystroke's sealing cost (issue 11,
 * INTEGRITY-4), so nonces come from a pool filled 170 at a time. A pool is never refilled in
 * place: each byte is handed out once, and a returned nonce is a view that nothing else
 * writes. Only for nonces, which are public: keys still come from {@link randomBytes}, so no
 * secret sits in memory before it is needed.
 */
export function randomNonce(): Uint8Array {
  if (offset + NONCE_BYTES > pool.length) {
    pool = globalThis.crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    offset = 0;
  }
  const nonce = pool.subarray(offset, offset + NONCE_BYTES);
  offset += NONCE_BYTES;
  return nonce;
}
