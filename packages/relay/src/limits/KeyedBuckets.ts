import { TokenBucket } from './TokenBucket.js';

/**
 * Token buckets by key (an identity, a space, an address), created on first use. Full buckets
 * are forgotten by {@link sweep}: a key that has been quiet long enough is back to its burst
 * anyway, so memory follows the keys active in the last few seconds.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    private readonly now?: () => number,
  ) {}

  /**
   * Takes `n` tokens from `key`'s bucket: 0 when taken, otherwise the milliseconds after which
   * they would be there (nothing is taken then).
   */
  take(key: string, n = 1): number {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.ratePerSecond, this.burst, this.now);
      this.buckets.set(key, bucket);
    }
    if (bucket.takeMany(n)) return 0;
    if (n > this.burst || this.ratePerSecond <= 0) return Infinity;
    return Math.ceil(((n - bucket.level()) / this.ratePerSecond) * 1000);
  }

  /** Gives back `n` tokens to `key`. */
  refund(key: string, n: number): void {
    this.buckets.get(key)?.refund(n);
  }

  sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.level() >= this.burst) this.buckets.delete(key);
  }

  size(): number {
    return this.buckets.size;
  }
}
