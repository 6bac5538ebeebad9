import { isTrameError } from '@trame/protocol';
import type { RelayStorage } from './RelayStorage.js';

/**
 * R64: whether storage can still write. A ping reads; a full disk only shows when a commit
 * fails. The relay marks each write's outcome (a TrameError is the client's fault, not
 * storage's); `/health` reports failing from a failed write until one succeeds again, while
 * reads go on being served.
 */
export class WriteHealth {
  private failedSince: number | null = null;
  private lastError = '';
  failures = 0;

  failed(error: unknown): void {
    if (isTrameError(error)) return;
    this.failures += 1;
    this.failedSince ??= Date.now();
    this.lastError =
      error instanceof Error ? ((error as { code?: string }).code ?? error.message).slice(0, 80) : 'unknown';
  }

  succeeded(): void {
    this.failedSince = null;
  }

  report(): { ok: boolean; failingSince?: string; error?: string } {
    if (this.failedSince === null) return { ok: true };
    return { ok: false, failingSince: new Date(this.failedSince).toISOString(), error: this.lastError };
  }

  /** `storage`, with every write's outcome recorded here (and its duration given to `timed`). */
  observe(storage: RelayStorage, timed: (seconds: number, ok: boolean) => void = () => {}): RelayStorage {
    const mark = <T>(p: Promise<T>, started = performance.now()): Promise<T> =>
      p.then(
        (v) => {
          this.succeeded();
          timed((performance.now() - started) / 1000, true);
          return v;
        },
        (e: unknown) => {
          this.failed(e);
          timed((performance.now() - started) / 1000, isTrameError(e));
          throw e;
        },
      );
    const observed: RelayStorage = {
      kind: storage.kind,
      access: (spaceId, identity) => storage.access(spaceId, identity),
      initialState: (query) => storage.initialState(query),
      memberOfAnySpace: (identity) => storage.memberOfAnySpace(identity),
      withSpace: (spaceId, fn) => mark(storage.withSpace(spaceId, fn)),
      withDocument: (spaceId, docId, fn) => mark(storage.withDocument(spaceId, docId, fn)),
      health: () => storage.health(),
      close: () => storage.close(),
    };
    if (storage.history) {
      const history = storage.history;
      (observed as { history?: RelayStorage['history'] }).history = {
        withHistory: (spaceId, fn) => mark(history.withHistory(spaceId, fn)),
      };
    }
    // ADR 0009: a failed staging is a failed write (the frames file cannot write).
    const stage = storage.stageFrame?.bind(storage);
    if (stage) observed.stageFrame = (frame) => stage(frame).catch((e: unknown) => mark(Promise.reject(e)));
    const drop = storage.dropExpiredInviteWraps?.bind(storage);
    if (drop) observed.dropExpiredInviteWraps = (nowSeconds) => mark(drop(nowSeconds));
    const commit = storage.commitDocument?.bind(storage);
    if (commit) {
      observed.commitDocument = (spaceId, docId, fn) => {
        const started = performance.now();
        // Timed once, at durability (the commit alone is not a write the client can count on).
        return commit(spaceId, docId, fn).then(
          ({ value, durable }) => ({ value, durable: mark(durable, started) }),
          (e: unknown) => mark(Promise.reject(e), started),
        );
      };
    }
    return observed;
  }
}
