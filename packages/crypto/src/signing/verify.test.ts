import { beforeAll, describe, expect, it } from 'vitest';
import { ED25519_TEST_VECTORS as V } from '@trame/protocol';
import { ready } from '../sodium/sodium.js';
import { generateIdentity } from '../identity/generateIdentity.js';
import { sign } from './sign.js';
import { verify } from './verify.js';

beforeAll(async () => {
  await ready();
});

describe('verify (R36, the client side of the one Ed25519 rule)', () => {
  it('R36: accepts RFC 8032 test 1 and a fresh signature', () => {
    expect(verify(V.rfc8032.publicKey, V.rfc8032.message, V.rfc8032.signature)).toBe(true);
    const id = generateIdentity();
    const msg = new TextEncoder().encode('ordre du jour');
    expect(verify(id.publicKey, msg, sign(id.secretKey, msg))).toBe(true);
  });

  it('R36: refuses the neutral key with R = neutral, S = 0, for any message', () => {
    for (const m of ['', 'trame/v1/auth', 'anything']) {
      expect(verify(V.neutralKey, new TextEncoder().encode(m), V.neutralSignature)).toBe(false);
    }
  });

  it('R36: refuses a key of order 8 and a signature whose S is not below L', () => {
    expect(verify(V.order8Key, new Uint8Array(0), V.neutralSignature)).toBe(false);
    const twin = V.rfc8032.signature.slice();
    // S + L: the same signature in a malleable, non-canonical form.
    let carry = 0;
    const L = [
      0xed,
      0xd3,
      0xf5,
      0x5c,
      0x1a,
      0x63,
      0x12,
      0x58,
      0xd6,
      0x9c,
      0xf7,
      0xa2,
      0xde,
      0xf9,
      0xde,
      0x14,
      ...new Array(15).fill(0),
      0x10,
    ];
    for (let i = 0; i < 32; i++) {
      const v = twin[32 + i]! + L[i]! + carry;
      twin[32 + i] = v & 0xff;
      carry = v >> 8;
    }
    expect(verify(V.rfc8032.publicKey, V.rfc8032.message, twin)).toBe(false);
  });
});
