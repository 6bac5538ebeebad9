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

  it('R118: requests refused together are told successive retry times, each when the bucket holds it', () => {
    let t = 0;
    const b = new KeyedBuckets(1000, 3000, () => t);
    expect(b.take('a', 3000)).toBe(0);
    // Three requests of 500 refused at once: 0.5 s each, one after the other.
    expect(b.take('a', 500)).toBe(500);
    expect(b.take('a', 500)).toBe(1000);
    expect(b.take('a', 500)).toBe(1500);
    // Another key is not behind them.
    expect(b.take('b', 3000)).toBe(0);
    expect(b.take('b', 500)).toBe(500);
    // Each comes back at its time and is served.
    t = 500;
    expect(b.take('a', 500)).toBe(0);
    t = 1000;
    expect(b.take('a', 500)).toBe(0);
    t = 1500;
    expect(b.take('a', 500)).toBe(0);
    // Once the promises are past, a refusal is told the bucket's own time again.
    t = 1600;
    expect(b.take('a', 500)).toBe(400);
  });
});
