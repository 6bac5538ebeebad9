import { describe, expect, it } from 'vitest';
import { fromHex } from '../util/hex.js';
import { hasSmallOrder, isCanonicalPointEncoding, isStrictPublicKey } from './isStrictPublicKey.js';
import { isStrictSignature } from './isStrictSignature.js';
import { SMALL_ORDER_ENCODINGS } from './smallOrderEncodings.js';
import { ED25519_TEST_VECTORS } from './ed25519TestVectors.js';

const NEUTRAL = ED25519_TEST_VECTORS.neutralKey;
const NEUTRAL_SIGNATURE = ED25519_TEST_VECTORS.neutralSignature;
const RFC8032_PK = ED25519_TEST_VECTORS.rfc8032.publicKey;
const RFC8032_SIG = ED25519_TEST_VECTORS.rfc8032.signature;

function withSign(p: Uint8Array): Uint8Array {
  const q = p.slice();
  q[31] = q[31]! | 0x80;
  return q;
}

describe('R36: one Ed25519 rule', () => {
  it('R36: a key of prime order (RFC 8032 test 1) is strict; its signature is strict', () => {
    expect(isStrictPublicKey(RFC8032_PK)).toBe(true);
    expect(isStrictSignature(RFC8032_SIG)).toBe(true);
  });

  it('R36: the neutral point and every small-order encoding, either sign bit, are refused', () => {
    expect(isStrictPublicKey(NEUTRAL)).toBe(false);
    for (const p of SMALL_ORDER_ENCODINGS) {
      expect(hasSmallOrder(p)).toBe(true);
      expect(isStrictPublicKey(p)).toBe(false);
      expect(isStrictPublicKey(withSign(p))).toBe(false);
    }
  });

  it('R36: non-canonical encodings (y ≥ p) are refused', () => {
    for (const low of [0xed, 0xf0, 0xff]) {
      const y = new Uint8Array(32).fill(0xff);
      y[0] = low;
      y[31] = 0x7f;
      expect(isCanonicalPointEncoding(y)).toBe(false);
      expect(isStrictPublicKey(y)).toBe(false);
      expect(isStrictPublicKey(withSign(y))).toBe(false);
    }
    const below = new Uint8Array(32).fill(0xff);
    below[0] = 0xec;
    below[31] = 0x7f;
    expect(isCanonicalPointEncoding(below)).toBe(true);
  });

  it('R36: wrong lengths are refused', () => {
    expect(isStrictPublicKey(RFC8032_PK.subarray(0, 31))).toBe(false);
    expect(isStrictSignature(RFC8032_SIG.subarray(0, 63))).toBe(false);
  });

  it('R36: S = 0 with R = neutral is refused (R of small order)', () => {
    expect(isStrictSignature(NEUTRAL_SIGNATURE)).toBe(false);
  });

  it('R36: S ≥ L (the malleable twin S + L) is refused, S = L − 1 is not', () => {
    const L = fromHex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');
    const sig = RFC8032_SIG.slice();
    sig.set(L, 32);
    expect(isStrictSignature(sig)).toBe(false);
    const lMinus1 = L.slice();
    lMinus1[0] = 0xec;
    sig.set(lMinus1, 32);
    expect(isStrictSignature(sig)).toBe(true);
    sig[63] = 0xe0;
    expect(isStrictSignature(sig)).toBe(false);
  });
});
