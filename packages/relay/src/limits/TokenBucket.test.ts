import { describe, expect, it } from 'vitest';
import { TokenBucket } from './TokenBucket.js';

describe('TokenBucket', () => {
  it('R15: allows a burst, then refills at the configured rate, never above the burst', () => {
    let t = 0;
    const bucket = new TokenBucket(200, 400, () => t);
    for (let i = 0; i < 400; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    t += 50; // 10 tokens
    for (let i = 0; i < 10; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    t += 60_000;
    expect(bucket.level()).toBe(400);
  });
});
