import { describe, expect, it } from 'vitest';
import { KeyedBuckets } from './KeyedBuckets.js';

describe('R65 keyed byte budgets', () => {
  it('R65: takes bytes per key, says when to retry, forgets quiet keys', () => {
    let t = 0;
    const b = new KeyedBuckets(1000, 3000, () => t);
    expect(b.take('a', 2000)).toBe(0);
    expect(b.take('b', 3000)).toBe(0);
    expect(b.take('a', 2000)).toBe(1000);
    expect(b.take('a', 5000)).toBe(Infinity);
    t += 1000;
    expect(b.take('a', 2000)).toBe(0);
    b.sweep();
    expect(b.size()).toBe(2);
    t += 10_000;
    b.sweep();
    expect(b.size()).toBe(0);
  });
});
