import { chainLinkInput } from '@trame/protocol';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainLink } from './chainLink.js';

describe('chainLink', () => {
  it('R50: is SHA-256 of the chain-link domain and the body, as the relay computes it', () => {
    const body = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const link = chainLink(body);
    expect(link).toEqual(nobleSha256(chainLinkInput(body)));
    expect(Buffer.from(link).equals(createHash('sha256').update(chainLinkInput(body)).digest())).toBe(true);
  });

  it('R50: differs when one byte of the body differs', () => {
    const body = new Uint8Array(64);
    const other = Uint8Array.from(body);
    other[63] = 1;
    expect(chainLink(body)).not.toEqual(chainLink(other));
  });
});
