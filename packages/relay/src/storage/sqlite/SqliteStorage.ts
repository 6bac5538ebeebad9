import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { bytesEqual, isZero, toHex, ZERO_ID } from '@trame/protocol';
import { FairSerialQueue } from '../../concurrency/FairSerialQueue.js';
import { emptyDocumentHead } from '../../documents/emptyDocumentHead.js';
import { parentIdOf } from '../../documents/parentIdOf.js';
import { PagedTail } from '../PagedTail.js';
import {
  DEFAULT_PAGE_BYTES,
  type DocumentTransaction,
  type InitialState,
  type InitialStateQuery,
  type RelayStorage,
  type SpaceAccess,
  type SpaceTransaction,
  type StorageHealth,
} from '../RelayStorage.js';
import { applySqliteSchema } from './applySqliteSchema.js';
import { SqliteDocumentTransaction } from './SqliteDocumentTransaction.js';
import { SqliteQueries } from './SqliteQueries.js';
import { SqliteSpaceTransaction } from './SqliteSpaceTransaction.js';
import { SqliteHistoryTransaction } from './SqliteHistoryTransaction.js';
import type { HistoryStore } from '../../history/HistoryStore.js';
import { WalSync } from './WalSync.js';

// Key of the work that belongs to no space (health checks, closing).
const NO_SPACE = '';

/**
 * {@link RelayStorage} on one SQLite file (better-sqlite3, WAL).
 * better-sqlite3 is synchronous and has one connection, so every operation, including the
 * async callbacks of `withSpace`/`withDocument`, runs through one serial queue: a transaction
 * is never interleaved with another one, which gives R29's per-document atomicity for free.
 * The queue takes turns between spaces (R66, {@link FairSerialQueue}): a space with a backlog
 * of writes delays another space's transaction by one of its own, not by the backlog. The
 * WAL's syncs are shared: an ACK waits for a sync that may carry other spaces' commits (a budget
 * of unsynced bytes per space was tried and measured no better, docs/benchmarks.md).
 * Durability is `synchronous = FULL`'s, by group commit: a write resolves once an fdatasync
 * of the WAL that started after its COMMIT returned ({@link WalSync}), and a read that serves
 * frames (`initialState`) waits for the commits it may have seen, so no client is ever sent
 * a frame that a power cut could still take back (R14, R27).
 */
export class SqliteStorage implements RelayStorage {
  readonly kind = 'sqlite';
  /** HISTORY-1/3: one transaction per request, in the space's turn, durable before it resolves. */
  readonly history: HistoryStore = {
    withHistory: (spaceId, fn) => this.transaction(spaceId, () => fn(new SqliteHistoryTransaction(this.db, spaceId))),
  };
  private readonly db: Database.Database;
  private readonly q: SqliteQueries;
  private readonly serial = new FairSerialQueue();
  private readonly wal: WalSync;
  private closed = false;
  /** R78: a WAL purge was blocked by a reader; retried at the next sweep. */
  private walPurgePending = false;
  private closing: Promise<void> | null = null;

  private constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    applySqliteSchema(this.db);
    this.q = new SqliteQueries(this.db);
    // An in-memory database has no WAL file: nothing to sync.
    this.wal = file === ':memory:' ? new WalSync(null) : WalSync.open(file);
    if (file !== ':memory:') this.db.pragma('synchronous = NORMAL');
  }

  /** Opens (and creates or migrates) the database file. */
  static open(file: string): SqliteStorage {
    return new SqliteStorage(file);
  }

  /** Runs `fn` alone on the connection, in the space's turn (R66). */
  private run<T>(spaceId: Uint8Array | null, fn: () => T | Promise<T>): Promise<T> {
    return this.serial.run(spaceId ? toHex(spaceId) : NO_SPACE, async () => {
      if (this.closed) throw new Error('storage is closed');
      return fn();
    });
  }

  /** Resolves once the commits a read may have seen are durable (immediately if they are). */
  private afterDurable<T>(value: T, seq = this.wal.last): Promise<T> {
    return this.file === ':memory:' ? Promise.resolve(value) : this.wal.durable(seq).then(() => value);
  }

  private async transaction<T>(spaceId: Uint8Array, fn: () => Promise<T>): Promise<T> {
    const { value, durable } = await this.pipelinedTransaction(spaceId, fn);
    await durable;
    return value;
  }

  /** Commits in the serial queue; `durable` resolves once the WAL sync covering it returned. */
  private async pipelinedTransaction<T>(
    spaceId: Uint8Array,
    fn: () => Promise<T>,
  ): Promise<{ value: T; durable: Promise<void> }> {
    const { result, seq } = await this.run(spaceId, async () => {
      // IMMEDIATE takes the write lock up front: a second process on the same file waits
      // (busy_timeout) instead of failing half-way through the checks.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const value = await fn();
        this.db.exec('COMMIT');
        const seq = this.wal.commit();
        if (this.q.takeWrapsDeleted()) this.purgeWal();
        return { result: value, seq };
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    });
    // Outside the serial queue: the next transactions run while this one's WAL is synced.
    return { value: result, durable: this.afterDurable(undefined, seq) };
  }

  /**
   * R78: the pages that held a deleted wrap secret are zeroed in the new WAL frames, but older
   * frames of the WAL (and the database file, until a checkpoint) still hold the secret. A
   * TRUNCATE checkpoint writes the zeroed pages into the file (fsynced) and empties the WAL, so
   * a copy of the data directory taken afterwards holds no ended invite's secret. If a reader
   * (a backup) blocks it, the next transaction or sweep tries again.
   */
  private purgeWal(): void {
    if (this.file === ':memory:') return;
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    this.walPurgePending = (result?.busy ?? 0) !== 0;
  }

  async dropExpiredInviteWraps(nowSeconds: number): Promise<number> {
    // Relay-wide: it takes its turn under the "no space" id (zeros).
    const dropped = await this.transaction(ZERO_ID, async () => this.q.deleteExpiredInviteWraps(nowSeconds));
    if (dropped === 0 && this.walPurgePending) await this.run(null, () => this.purgeWal());
    return dropped;
  }

  access(spaceId: Uint8Array, identity: Uint8Array): Promise<SpaceAccess | null> {
    return this.run(spaceId, () => this.q.access(spaceId, identity));
  }

  async initialState(query: InitialStateQuery): Promise<InitialState> {
    const pageBytes = query.pageBytes ?? DEFAULT_PAGE_BYTES;
    const state = await this.run(query.spaceId, () =>
      // One read transaction: membership, snapshot and the tails' bounds come from the same
      // instant (R13); the tails themselves are read later, page by page (R61).
      this.db.transaction((): InitialState => {
        const { spaceId, docId } = query;
        const access = this.q.access(spaceId, query.identity);
        // Entries are numbered 0, 1, 2… without gaps (R31): after the client's seq up to the head.
        const from = Math.max(query.afterSeq, -1);
        const membership = new PagedTail(
          access ? Math.max(0, access.seq - from) : 0,
          access?.seq ?? -1,
          pageBytes,
          (after, to, maxBytes) => this.run(spaceId, () => this.q.entriesPage(spaceId, after, to, maxBytes)),
          // Seqs have no gaps: the row `offset` past `after` is at after + 1 + offset.
          (after, to, offset) => Promise.resolve(after + 1 + offset <= to ? after + 1 + offset : null),
          from,
        );
        if (!docId) {
          // R75: a pending invite identity gets its wrap secret with the log.
          const inviteWraps = access?.invite ? this.q.inviteWraps(spaceId, query.identity) : [];
          return {
            access,
            membership,
            head: emptyDocumentHead(),
            snapshot: null,
            tail: PagedTail.empty(),
            tailClocks: [],
            inviteWraps,
          };
        }
        const cursor = (snapshotId: Uint8Array): PagedTail => {
          const { count, upTo } = this.q.tailBound(spaceId, docId, snapshotId);
          return new PagedTail(
            count,
            upTo,
            pageBytes,
            (after, to, maxBytes) =>
              this.run(spaceId, () => this.q.tailPage(spaceId, docId, snapshotId, after, to, maxBytes)),
            (after, to, offset) =>
              this.run(spaceId, () => this.q.tailSeek(spaceId, docId, snapshotId, after, to, offset)),
          );
        };
        const head = this.q.head(spaceId, docId);
        const hasSnapshot = head.height > 0 && !bytesEqual(head.snapshotId, query.knownSnapshotId);
        const snapshot = hasSnapshot ? this.q.findSnapshot(spaceId, docId, head.snapshotId) : null;
        let parent: InitialState['parent'] = null;
        if (query.withParent && snapshot) {
          // A first snapshot's "parent" is the empty state and the tail on no snapshot.
          const parentId = parentIdOf(snapshot);
          const frame = isZero(parentId) ? null : this.q.findSnapshot(spaceId, docId, parentId);
          if (frame || isZero(parentId)) parent = { snapshot: frame, tail: cursor(parentId) };
        }
        return {
          access,
          membership,
          head,
          snapshot,
          tail: cursor(head.snapshotId),
          tailClocks: this.q.tailClocks(spaceId, docId, head.snapshotId),
          parent,
        };
      })(),
    );
    // Committed but not yet synced frames may be in it: serve them only once durable. The
    // cursors' pages stop at rows seen here, so they are durable too.
    return this.afterDurable(state);
  }

  memberOfAnySpace(identity: Uint8Array): Promise<boolean> {
    return this.run(null, () => this.q.isMemberAnywhere(identity));
  }

  withSpace<T>(spaceId: Uint8Array, fn: (tx: SpaceTransaction) => Promise<T>): Promise<T> {
    return this.transaction(spaceId, () => fn(new SqliteSpaceTransaction(this.q, spaceId)));
  }

  withDocument<T>(spaceId: Uint8Array, docId: Uint8Array, fn: (tx: DocumentTransaction) => Promise<T>): Promise<T> {
    return this.transaction(spaceId, () => fn(new SqliteDocumentTransaction(this.q, spaceId, docId)));
  }

  commitDocument<T>(
    spaceId: Uint8Array,
    docId: Uint8Array,
    fn: (tx: DocumentTransaction) => Promise<T>,
  ): Promise<{ value: T; durable: Promise<void> }> {
    return this.pipelinedTransaction(spaceId, () => fn(new SqliteDocumentTransaction(this.q, spaceId, docId)));
  }

  async health(): Promise<StorageHealth> {
    try {
      const ok = (await this.run(null, () => this.q.ping())) && !this.wal.failed;
      return { ok, kind: this.kind, journalMode: 'wal', synchronous: 'full (group commit)' };
    } catch {
      return { ok: false, kind: this.kind };
    }
  }

  /** Waits for queued operations, then closes the file. Idempotent. */
  close(): Promise<void> {
    // Every space's queued work first (the queue takes turns, so a closing task queued now
    // could otherwise run before them), then the close itself.
    this.closing ??= this.serial.idle().then(() =>
      this.run(null, async () => {
        this.closed = true;
        // Writes still waiting for their sync keep the WAL file open until it returned.
        await this.wal.durable(this.wal.last).catch(() => {});
        this.db.close();
        this.wal.close();
      }),
    );
    return this.closing;
  }
}
