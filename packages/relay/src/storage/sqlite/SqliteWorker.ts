import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { SQLITE_WORKER_SOURCE } from './sqliteWorkerSource.js';

/** What `PRAGMA wal_checkpoint` answered: busy (1 when blocked), WAL frames, frames checkpointed. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export type CheckpointMode = 'PASSIVE' | 'FULL' | 'RESTART' | 'TRUNCATE';

interface Waiting {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * The main thread's handle on the SQLite worker thread (ADR 0009): checkpoints of the relay's
 * database and the writes of its frames file run there, one at a time, so that neither a
 * checkpoint's fsync of the database file nor a large frame's write and fsync ever blocks the
 * event loop. The worker is unref'd: it never keeps the process alive on its own.
 */
export class SqliteWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private failure: Error | null = null;
  private closed: Promise<void> | null = null;

  constructor() {
    const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(SQLITE_WORKER_SOURCE, { eval: true, workerData: { sqlitePath } });
    this.worker.unref();
    this.worker.on('message', (m: { id: number; result?: unknown; error?: string; code?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(Object.assign(new Error(m.error), { code: m.code }));
      else w?.resolve(m.result);
    });
    const fail = (e: Error): void => {
      this.failure ??= e;
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`SQLite worker exited (${code})`)));
  }

  private call<T>(op: string, args: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, ...args }, transfer);
    });
  }

  checkpoint(file: string, mode: CheckpointMode): Promise<CheckpointResult> {
    return this.call('checkpoint', { file, mode });
  }

  /** Opens the worker's writing connection to a frames file created by the main thread. */
  openFrames(file: string, autocheckpointPages: number): Promise<boolean> {
    return this.call('openFrames', { file, autocheckpointPages });
  }

  /** Stores a copy of `frame` in the frames file; resolves with its id once it is on disk. */
  put(frame: Uint8Array): Promise<number> {
    const copy = frame.slice();
    return this.call('put', { frame: copy }, [copy.buffer]);
  }

  /** Deletes frames by id (durable at the frames file's next commit). */
  delete(ids: number[]): Promise<number> {
    return this.call('delete', { ids });
  }

  /** Closes the worker's connections, then the worker. Idempotent. */
  close(): Promise<void> {
    this.closed ??= this.call('close', {})
      .catch(() => {})
      .then(() => this.worker.terminate())
      .then(() => {});
    return this.closed;
  }
}
