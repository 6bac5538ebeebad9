import { closeSync, fdatasync, openSync } from 'node:fs';

/**
 * Group commit for SQLite's write-ahead log, off the event loop. The database runs with
 * `synchronous = NORMAL`, so a COMMIT only writes its WAL frames; this class then makes them
 * durable with `fdatasync` on the WAL file in libuv's thread pool, and every transaction that
 * committed before a sync started shares it. A caller acknowledges only after
 * {@link WalSync.durable} resolved for its commit, which is the guarantee `synchronous = FULL`
 * gave (docs/adr/0002-sqlite-group-commit.md), without blocking every other connection for the
 * length of an fsync, and with one fsync for all the commits of a burst instead of one each.
 */
export class WalSync {
  private committed = 0;
  private synced = 0;
  private running = false;
  private waiters: Array<{ seq: number; resolve: () => void; reject: (e: Error) => void }> = [];
  private failure: Error | null = null;
  private lastStartedAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /**
   * @param minGapMs least time between the starts of two syncs. Under a high write rate the
   * commits of that window share one fdatasync (each costs ~60 µs of CPU here) instead of one
   * each; a lone commit after a quiet moment is synced at once. Only ACKs wait for it: frames
   * are forwarded at COMMIT (R47).
   */
  constructor(
    private fd: number | null,
    private readonly minGapMs = 2,
  ) {}

  /** Opens the WAL file of `dbFile` (SQLite in WAL mode creates it; this never writes to it). */
  static open(dbFile: string): WalSync {
    return new WalSync(openSync(`${dbFile}-wal`, 'a'));
  }

  /** Whether a sync failed: nothing written since can be acknowledged (see {@link settle}). */
  get failed(): boolean {
    return this.failure !== null;
  }

  /** Records a COMMIT; returns its sequence number for {@link durable}. */
  commit(): number {
    return ++this.committed;
  }

  /** The sequence of the last COMMIT: what a read may have seen. */
  get last(): number {
    return this.committed;
  }

  /** Resolves once every commit up to `seq` is on disk; rejects if the sync failed. */
  durable(seq: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (seq <= this.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ seq, resolve, reject });
      if (!this.running) this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = this.lastStartedAt + this.minGapMs - performance.now();
    if (wait <= 0) return this.start();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.start();
    }, wait);
  }

  private start(): void {
    const fd = this.fd;
    if (fd === null) return this.settle(new Error('WAL file is closed'));
    // Everything committed so far is in the page cache: this one sync covers it all.
    const upTo = this.committed;
    this.running = true;
    this.lastStartedAt = performance.now();
    fdatasync(fd, (err) => {
      this.running = false;
      if (err) return this.settle(err);
      this.synced = Math.max(this.synced, upTo);
      const still = this.waiters.filter((w) => w.seq > this.synced);
      for (const w of this.waiters) if (w.seq <= this.synced) w.resolve();
      this.waiters = still;
      // Commits made while this sync ran wait for the next one.
      if (still.length > 0) this.schedule();
    });
  }

  /**
   * A failed fsync may have dropped the dirty pages, so nothing committed since the last good
   * sync can be called durable again: every waiter and every later call fails (R29) until the
   * relay is restarted and SQLite recovers from what is really on disk.
   */
  private settle(err: Error): void {
    this.failure = err;
    for (const w of this.waiters.splice(0)) w.reject(err);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
