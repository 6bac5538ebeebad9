import { NONCE_BYTES } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { randomNonce } from './randomNonce.js';

describe('randomNonce', () => {
  it('gives 24-byte nonces that never repeat across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const n = randomNonce();
      expect(n.length).toBe(NONCE_BYTES);
      seen.add(Buffer.from(n).toString('hex'));
    }
    expect(seen.size).toBe(1000);
  });

  it('never writes over a nonce it handed out (a refill makes a new pool)', () => {
    const first = randomNonce();
    const copy = Uint8Array.from(first);
    for (let i = 0; i < 400; i++) randomNonce();
    expect(first).toEqual(copy);
  });
});
