import { describe, expect, it } from 'vitest';
import { sameClocks } from './sameClocks.js';

const a = new Uint8Array(32).fill(0xaa);
const hex = 'aa'.repeat(32);

describe('sameClocks', () => {
  it("R54: a snapshot listing exactly this client's clocks compacts what it holds", () => {
    expect(sameClocks([{ author: a, clock: 3 }], new Map([[hex, 3]]))).toBe(true);
    expect(sameClocks([], new Map())).toBe(true);
  });

  it('R54: another clock or another author set does not', () => {
    expect(sameClocks([{ author: a, clock: 4 }], new Map([[hex, 3]]))).toBe(false);
    expect(sameClocks([], new Map([[hex, 3]]))).toBe(false);
  });
});
