import { describe, expect, it } from 'vitest';
import { ZERO_HASH } from '@trame/protocol';
import { checkTailChains, type ChainEntry } from './checkTailChains.js';

const a = 'aa'.repeat(32);
const link = (n: number): Uint8Array => new Uint8Array(32).fill(n);

function chain(n: number, signedAt: number[]): ChainEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    author: a,
    clock: i + 1,
    prevLink: i === 0 ? ZERO_HASH : link(i),
    link: link(i + 1),
    signed: signedAt.includes(i + 1),
  }));
}

describe('checkTailChains', () => {
  it('R50/R51: an unbroken chain, signed or not, applies whole', () => {
    expect(checkTailChains(chain(5, [1, 5]), new Map())).toEqual({ skip: new Set(), errors: [] });
  });

  it('R50/R51: a forged unsigned update breaks the chain at the next one; the unsigned updates since the last signature are skipped', () => {
    const tail = chain(6, [1, 6]);
    tail[2] = { ...tail[2]!, link: link(99) }; // update 3 replaced: its link changes
    const r = checkTailChains(tail, new Map());
    expect([...r.skip]).toEqual([1, 2]);
    expect(r.errors.map((e) => e.code)).toEqual(['CHAIN_BROKEN']);
    expect(r.errors[0]!.details.author).toBe(a);
  });

  it('R50: the chain continues from the links this client holds (R48 resume)', () => {
    const tail = chain(4, [4]).slice(2);
    expect(checkTailChains(tail, new Map([[a, link(2)]])).errors).toEqual([]);
    expect(checkTailChains(tail, new Map()).errors.map((e) => e.code)).toEqual(['CHAIN_BROKEN']);
  });
});
