import { statSync } from 'node:fs';
import type { CheckpointMode, CheckpointResult, SqliteWorker } from './SqliteWorker.js';

/** When the relay database's WAL is checkpointed (ADR 0009). */
export interface CheckpointPolicy {
  /** A PASSIVE checkpoint runs this long after the first commit since the last one. */
  intervalMs: number;
  /**
   * Bound on the WAL file: past this size (PASSIVE checkpoints could not finish while commits
   * kept arriving, or failed), the next write first runs a TRUNCATE checkpoint alone
   * ({@link Checkpointer.mustRestart}), which empties the WAL. Also the `journal_size_limit`.
   */
  maxWalBytes: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { intervalMs: 250, maxWalBytes: 16 * 1024 * 1024 };

/**
 * Runs the database's checkpoints in the worker thread instead of inside COMMIT on the event
 * loop: the relay's connection has `wal_autocheckpoint = 0`; after commits, a PASSIVE checkpoint
 * (which never blocks the writer) runs in the worker at most every `intervalMs`. A PASSIVE
 * checkpoint copies the WAL into the database file and fsyncs it; SQLite restarts the WAL at the
 * next write once all of it was copied. Failures are counted and retried at the next commit; a
 * WAL past `maxWalBytes` makes writes wait for a TRUNCATE checkpoint, and fail while it fails,
 * so the WAL stays bounded (ADR 0009's failure analysis).
 */
export class Checkpointer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private walFileBytes = 0;
  private statAt = -Infinity;
  private closed = false;
  /** Commits arrived while a checkpoint ran: schedule another when it ends. */
  private dirty = false;
  /** The last checkpoint's error, null once one succeeds. */
  lastError: Error | null = null;
  /** Checkpoints run (for tests and metrics). */
  count = 0;

  constructor(
    private readonly worker: SqliteWorker,
    private readonly file: string,
    readonly policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY,
  ) {}

  /** A commit happened: schedule a PASSIVE checkpoint unless one is scheduled or running. */
  committed(): void {
    if (this.running) this.dirty = true;
    if (this.timer || this.running || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run('PASSIVE');
    }, this.policy.intervalMs);
    this.timer.unref?.();
  }

  /**
   * Whether the WAL file is past its bound: the caller must run {@link restart} before writing.
   * Its size is read at most every 20 ms (a `stat`, no disk access).
   */
  get mustRestart(): boolean {
    const now = performance.now();
    if (now - this.statAt >= 20) {
      this.statAt = now;
      this.walFileBytes = statSync(`${this.file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    }
    return this.walFileBytes > this.policy.maxWalBytes;
  }

  /**
   * Runs a checkpoint that empties the WAL (RESTART, or TRUNCATE to also shrink the file: R78).
   * The caller holds the database's serial queue, so the relay's connection holds no lock
   * meanwhile; a reader of another process (a backup) may still block it: `busy` is then 1.
   * Throws when the checkpoint failed.
   */
  async restart(mode: 'RESTART' | 'TRUNCATE' = 'TRUNCATE'): Promise<CheckpointResult> {
    await this.running;
    const result = await this.checkpoint(mode);
    this.statAt = -Infinity;
    return result;
  }

  private run(mode: CheckpointMode): Promise<void> {
    this.running = this.checkpoint(mode)
      .then(
        () => {},
        () => {},
      )
      .finally(() => {
        this.running = null;
        if (this.dirty) {
          this.dirty = false;
          this.committed();
        }
      });
    return this.running;
  }

  private async checkpoint(mode: CheckpointMode): Promise<CheckpointResult> {
    try {
      const result = await this.worker.checkpoint(this.file, mode);
      this.count++;
      this.lastError = null;
      return result;
    } catch (e) {
      this.lastError = e as Error;
      throw e;
    }
  }

  /** Stops scheduling; waits for a running checkpoint. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
