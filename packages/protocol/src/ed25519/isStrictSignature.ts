import { hasSmallOrder } from './isStrictPublicKey.js';

/** The Ed25519 group order L, little-endian. */
const L = Uint8Array.from([
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0x10,
]);

/** Whether the scalar S (bytes 32..63 of a signature, little-endian) is below L. */
function isCanonicalScalar(sig: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    const s = sig[32 + i]!;
    if (s < L[i]!) return true;
    if (s > L[i]!) return false;
  }
  return false; // S = L
}

/**
 * R36: the signature half of the rule (libsodium's strict checks, done before node:crypto too):
 * 64 bytes, S < L (no malleable twin), R not a point of small order. S = 0 is allowed by this
 * rule alone but can only verify with R = S·B − h·A = −h·A, which a strict key never makes small.
 */
export function isStrictSignature(signature: Uint8Array): boolean {
  return signature.length === 64 && isCanonicalScalar(signature) && !hasSmallOrder(signature.subarray(0, 32));
}
