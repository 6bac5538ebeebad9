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
  type StagedFrame,
  type StorageHealth,
} from '../RelayStorage.js';
import { applySqliteSchema } from './applySqliteSchema.js';
import { Checkpointer, DEFAULT_CHECKPOINT_POLICY, type CheckpointPolicy } from './Checkpointer.js';
import { ExternalFrames } from './ExternalFrames.js';
import { FrameFile } from './FrameFile.js';
import { framesFileOf } from './framesFileOf.js';
import { SqliteDocumentTransaction } from './SqliteDocumentTransaction.js';
import { SqliteQueries } from './SqliteQueries.js';
import { SqliteSpaceTransaction } from './SqliteSpaceTransaction.js';
import { SqliteHistoryTransaction } from './SqliteHistoryTransaction.js';
import type { HistoryStore } from '../../history/HistoryStore.js';
import { SqliteWorker } from './SqliteWorker.js';
import { WalSync } from './WalSync.js';

// Key of the work that belongs to no space (health checks, closing).
const NO_SPACE = '';

/** Tuning of {@link SqliteStorage} (ADR 0009); the defaults are the relay's. */
export interface SqliteStorageOptions {
  /**
   * Content frames (UPDATE, SNAPSHOT) of at least this many bytes are written to the frames file,
   * on disk before their row is committed, instead of the database's WAL; 0 keeps every frame inline.
   */
  externalFrameBytes?: number;
  /** When the database's WAL is checkpointed (in the worker thread). */
  checkpoint?: Partial<CheckpointPolicy>;
  /** The frames file's own automatic checkpoint, in 8 KiB pages of WAL (default 1024: 8 MiB). */
  framesCheckpointPages?: number;
}

/** 32 KiB: typing and pasting stay inline; bulk writes (HOSTILE-3's 128 KiB-2 MiB) go apart. */
export const DEFAULT_EXTERNAL_FRAME_BYTES = 32 * 1024;

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
 * ADR 0009: checkpoints run in a worker thread ({@link Checkpointer}), never inside a COMMIT on
 * the event loop; large content frames are written apart, in the frames file ({@link FrameFile}),
 * so that a small commit's sync never carries them.
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
  private readonly worker: SqliteWorker | null;
  private readonly checkpointer: Checkpointer | null;
  private readonly externalFrameBytes: number;
  private closed = false;
  /** R78: a WAL purge was blocked by a reader; retried at the next sweep. */
  private walPurgePending = false;
  private closing: Promise<void> | null = null;

  private constructor(
    readonly file: string,
    options: SqliteStorageOptions,
  ) {
    const onDisk = file !== ':memory:';
    if (onDisk) mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    applySqliteSchema(this.db);
    this.worker = onDisk ? new SqliteWorker() : null;
    let frames: FrameFile | null = null;
    if (this.worker) {
      frames = FrameFile.openSync(framesFileOf(file), this.worker, options.framesCheckpointPages);
      // Frames written for a transaction that a crash (or a rollback) kept from committing.
      const referenced = this.db
        .prepare(
          'SELECT frame_ref FROM updates WHERE frame_ref IS NOT NULL ' +
            'UNION SELECT frame_ref FROM snapshots WHERE frame_ref IS NOT NULL',
        )
        .pluck()
        .all() as number[];
      frames.sweep(new Set(referenced));
    }
    this.q = new SqliteQueries(this.db, new ExternalFrames(frames));
    this.externalFrameBytes = options.externalFrameBytes ?? DEFAULT_EXTERNAL_FRAME_BYTES;
    // An in-memory database has no WAL file: nothing to sync.
    this.wal = onDisk ? WalSync.open(file) : new WalSync(null);
    if (this.worker) {
      const policy = { ...DEFAULT_CHECKPOINT_POLICY, ...options.checkpoint };
      this.db.pragma('synchronous = NORMAL');
      // ADR 0009: no checkpoint inside COMMIT on the event loop; the worker runs them.
      this.db.pragma('wal_autocheckpoint = 0');
      this.db.pragma(`journal_size_limit = ${Math.trunc(policy.maxWalBytes)}`);
      this.checkpointer = new Checkpointer(this.worker, file, policy);
    } else {
      this.checkpointer = null;
    }
  }

  /** Opens (and creates or migrates) the database file. */
  static open(file: string, options: SqliteStorageOptions = {}): SqliteStorage {
    return new SqliteStorage(file, options);
  }

  /**
   * ADR 0009: writes a large content frame to the frames file and resolves once it is on disk,
   * before the transaction that appends this very array; that row then references it. Null for
   * a frame below the threshold (stored inline). `release` once the write is over: a staged frame
   * no committed row took is deleted.
   */
  async stageFrame(frame: Uint8Array): Promise<StagedFrame | null> {
    const file = this.q.frames.file;
    if (!file || this.closed || this.externalFrameBytes <= 0 || frame.length < this.externalFrameBytes) return null;
    const id = await file.put(frame);
    this.q.frames.stage(frame, id);
    return { release: () => this.q.frames.release(frame) };
  }

  /** ADR 0009: checkpoints of the database run so far (in the worker thread). */
  get checkpoints(): number {
    return this.checkpointer?.count ?? 0;
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
    const { result, seq, pruned } = await this.run(spaceId, async () => {
      // ADR 0009: the WAL is past its bound (PASSIVE checkpoints could not keep up, or failed):
      // empty it first, alone; while that fails, writes fail (R29) and the WAL stays bounded.
      if (this.checkpointer?.mustRestart) await this.restartWal();
      // IMMEDIATE takes the write lock up front: a second process on the same file waits
      // (busy_timeout) instead of failing half-way through the checks.
      this.db.exec('BEGIN IMMEDIATE');
      let value: T;
      try {
        value = await fn();
        this.db.exec('COMMIT');
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.q.frames.rollback();
        throw e;
      }
      const seq = this.wal.commit();
      const pruned = this.q.frames.commit();
      this.checkpointer?.committed();
      if (this.q.takeWrapsDeleted()) await this.purgeWal();
      return { result: value, seq, pruned };
    });
    // Outside the serial queue: the next transactions run while this one's WAL is synced.
    const durable = this.afterDurable(undefined, seq);
    // Pruned frames leave the frames file only once no durable row references them.
    if (pruned.length > 0) durable.then(() => this.q.frames.drop(pruned)).catch(() => {});
    return { value: result, durable };
  }

  /** Empties the WAL with a TRUNCATE checkpoint in the worker; throws when it could not. */
  private async restartWal(): Promise<void> {
    const r = await this.checkpointer!.restart('TRUNCATE');
    if (r.busy !== 0) throw new Error('the WAL is past its bound and a reader blocks its checkpoint');
  }

  /**
   * R78: the pages that held a deleted wrap secret are zeroed in the new WAL frames, but older
   * frames of the WAL (and the database file, until a checkpoint) still hold the secret. A
   * TRUNCATE checkpoint writes the zeroed pages into the file (fsynced) and empties the WAL, so
   * a copy of the data directory taken afterwards holds no ended invite's secret. If a reader
   * (a backup) blocks it, the next transaction or sweep tries again.
   */
  private async purgeWal(): Promise<void> {
    if (!this.checkpointer) return;
    // In the worker (ADR 0009), while this task holds the queue: the relay's connection holds no lock.
    try {
      this.walPurgePending = (await this.checkpointer.restart('TRUNCATE')).busy !== 0;
    } catch {
      this.walPurgePending = true;
    }
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
      const ok =
        (await this.run(null, () => this.q.ping())) &&
        !this.wal.failed &&
        !this.q.frames.file?.failed &&
        !this.checkpointer?.lastError;
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
        await this.checkpointer?.close();
        this.db.close();
        this.wal.close();
        this.q.frames.file?.close();
        await this.worker?.close();
      }),
    );
    return this.closing;
  }
}
