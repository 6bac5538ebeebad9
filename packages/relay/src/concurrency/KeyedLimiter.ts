/**
 * At most `perKey` tasks at a time under one key; others wait their turn, in order (R66). The
 * PostgreSQL adapter keys it by space, so that one space's writes cannot take every pooled
 * connection while another space's transaction waits for one.
 */
export class KeyedLimiter {
  private readonly keys = new Map<string, { running: number; waiting: Array<() => void> }>();

  constructor(private readonly perKey: number) {
    if (!(perKey >= 1)) throw new Error('perKey must be at least 1');
  }

  /** Runs `task` once fewer than `perKey` tasks of `key` run. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let entry = this.keys.get(key);
    if (!entry) {
      entry = { running: 0, waiting: [] };
      this.keys.set(key, entry);
    }
    if (entry.running >= this.perKey) await new Promise<void>((resolve) => entry!.waiting.push(resolve));
    else entry.running += 1;
    try {
      return await task();
    } finally {
      // The slot goes straight to the next waiter, or is freed.
      const next = entry.waiting.shift();
      if (next) next();
      else if (--entry.running === 0) this.keys.delete(key);
    }
  }

  /** Tasks of `key` running now. */
  running(key: string): number {
    return this.keys.get(key)?.running ?? 0;
  }
}
