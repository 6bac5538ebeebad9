import { describe, expect, it } from 'vitest';
import { needsRecount } from './needsRecount.js';

describe('needsRecount', () => {
  it('R57: the genuine frame arrived after the forged one: nothing to recount', () => {
    expect(needsRecount([{ author: 'aa', clock: 4 }], new Map([['aa', 4]]))).toBe(false);
    expect(needsRecount([], new Map())).toBe(false);
  });

  it('R57: no frame came to count that clock: reload the tail, where the stored frame counts', () => {
    expect(needsRecount([{ author: 'aa', clock: 4 }], new Map([['aa', 3]]))).toBe(true);
    expect(needsRecount([{ author: 'bb', clock: 1 }], new Map([['aa', 9]]))).toBe(true);
  });
});
