import { describe, expect, it } from 'vitest';
import { percentiles } from './percentiles.js';
import { ratioToBest } from './ratio.js';
import { quantileSorted, summarize } from './summarize.js';

describe('summarize', () => {
  it('gives the median and half the IQR relative to it', () => {
    const s = summarize([5, 1, 3, 2, 4]);
    expect(s).toMatchObject({ n: 5, median: 3, min: 1, max: 5 });
    expect(s.spread).toBeCloseTo((4 - 2) / 2 / 3);
  });
  it('ignores non-finite samples and survives an empty list', () => {
    expect(summarize([Number.NaN, 2, Infinity]).median).toBe(2);
    expect(summarize([]).n).toBe(0);
  });
  it('interpolates quantiles between ranks', () => {
    expect(quantileSorted([0, 10], 0.5)).toBe(5);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
  });
});

describe('percentiles', () => {
  it('orders numerically, not as strings', () => {
    const p = percentiles([100, 9, 20, 3]);
    expect(p.max).toBe(100);
    expect(p.p50).toBe(14.5);
  });
});

describe('ratioToBest', () => {
  it('takes the fastest peer for lower-is-better and the highest for throughput', () => {
    expect(ratioToBest(2, [4, 8], true)).toEqual({ best: 4, ratio: 0.5 });
    expect(ratioToBest(30, [10, 15], false)).toEqual({ best: 15, ratio: 2 });
    expect(ratioToBest(1, [Number.NaN], true).ratio).toBeNaN();
  });
});
