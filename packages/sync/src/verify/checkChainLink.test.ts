import { describe, expect, it } from 'vitest';
import { ZERO_HASH } from '@trame/protocol';
import { checkChainLink } from './checkChainLink.js';

const a = 'aa'.repeat(32);
const link = new Uint8Array(32).fill(9);

describe('checkChainLink', () => {
  it('R50: a first update names zeros; a later one the link of the previous', () => {
    expect(checkChainLink({ author: a, clock: 1, prevLink: ZERO_HASH }, undefined)).toBeNull();
    expect(checkChainLink({ author: a, clock: 2, prevLink: link }, link)).toBeNull();
  });

  it('R50: any other prevLink is CHAIN_BROKEN naming the author', () => {
    const e = checkChainLink({ author: a, clock: 2, prevLink: new Uint8Array(32).fill(8) }, link);
    expect(e?.code).toBe('CHAIN_BROKEN');
    expect(e?.details.author).toBe(a);
    expect(checkChainLink({ author: a, clock: 1, prevLink: link }, undefined)?.code).toBe('CHAIN_BROKEN');
  });
});
