import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ED25519_TEST_VECTORS as V } from '@trame/protocol';
import { verifyEd25519 } from './verifyEd25519.js';

const jwk = (raw: Uint8Array) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });

describe('verifyEd25519 (R36, the relay side of the one Ed25519 rule)', () => {
  it('R36: accepts RFC 8032 test 1', () => {
    expect(verifyEd25519(V.rfc8032.publicKey, V.rfc8032.message, V.rfc8032.signature)).toBe(true);
  });

  it('R36: node:crypto alone accepts the neutral key with S = 0; the relay rule refuses it', () => {
    const msg = new TextEncoder().encode('trame/v1/auth\0 any challenge');
    // The disagreement that let an anonymous client authenticate as a member (MEMBERSHIP-7).
    expect(nodeVerify(null, msg, jwk(V.neutralKey), V.neutralSignature)).toBe(true);
    expect(verifyEd25519(V.neutralKey, msg, V.neutralSignature)).toBe(false);
  });

  it('R36: refuses a key of order 8 and a non-canonical S', () => {
    expect(verifyEd25519(V.order8Key, new Uint8Array(0), V.neutralSignature)).toBe(false);
    const sig = V.rfc8032.signature.slice();
    sig[63] = sig[63]! | 0xe0;
    expect(verifyEd25519(V.rfc8032.publicKey, V.rfc8032.message, sig)).toBe(false);
  });
});
