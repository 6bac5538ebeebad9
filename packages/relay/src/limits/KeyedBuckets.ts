import { TokenBucket } from './TokenBucket.js';

/**
 * Token buckets by key (an identity, a space, an address), created on first use. Full buckets
 * are forgotten by {@link sweep}: a key that has been quiet long enough is back to its burst
 * anyway, so memory follows the keys active in the last few seconds.
 *
 * R118: refusals of one key are told retry times one after the other. Each refused request is
 * promised the time the bucket needs to refill it, after the requests refused before it: 16
 * connections of one identity refused together are told 125, 250, ... ms rather than all 125 ms,
 * so they do not all come back at once, 15 of them to be read and refused again. A promise holds
 * nothing back: a request that arrives earlier still gets what the bucket holds.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  /** R118: per key, when the requests refused so far will all have been served (this.now's clock). */
  private readonly promised = new Map<string, number>();
  private readonly clock: () => number;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    private readonly now?: () => number,
  ) {
    this.clock = now ?? ((): number => performance.now());
  }

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
    const now = this.clock();
    const start = Math.max(now + ((n - bucket.level()) / this.ratePerSecond) * 1000, this.promised.get(key) ?? 0);
    this.promised.set(key, start + (n / this.ratePerSecond) * 1000);
    return Math.ceil(start - now);
  }

  /** Gives back `n` tokens to `key`. */
  refund(key: string, n: number): void {
    this.buckets.get(key)?.refund(n);
  }

  sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.level() >= this.burst) this.buckets.delete(key);
    const now = this.clock();
    for (const [key, until] of this.promised) if (until <= now) this.promised.delete(key);
  }

  size(): number {
    return this.buckets.size;
  }
}
