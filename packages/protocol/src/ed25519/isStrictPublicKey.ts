import { SMALL_ORDER_ENCODINGS } from './smallOrderEncodings.js';

/** Whether the 255-bit y-coordinate of an encoded point is below p = 2^255 − 19. */
export function isCanonicalPointEncoding(point: Uint8Array): boolean {
  if (point.length !== 32) return false;
  if ((point[31]! & 0x7f) !== 0x7f) return true;
  for (let i = 30; i > 0; i--) if (point[i] !== 0xff) return true;
  return point[0]! < 0xed;
}

/** Whether an encoded point is one of the eight points of small order (any sign bit). */
export function hasSmallOrder(point: Uint8Array): boolean {
  return SMALL_ORDER_ENCODINGS.some((bad) => {
    for (let i = 0; i < 31; i++) if (point[i] !== bad[i]) return false;
    return (point[31]! & 0x7f) === bad[31];
  });
}

/**
 * R36: the one Ed25519 public-key rule of Trame, applied by the relay (AUTH, membership fold)
 * and by clients (every verification, membership fold) alike: 32 bytes, canonical encoding,
 * not of small order. node:crypto (OpenSSL) accepts small-order keys that libsodium refuses;
 * under the neutral point a signature with R = neutral and S = 0 verifies for every message,
 * so such a key must never become an identity.
 */
export function isStrictPublicKey(publicKey: Uint8Array): boolean {
  return publicKey.length === 32 && isCanonicalPointEncoding(publicKey) && !hasSmallOrder(publicKey);
}
