import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { bytesEqual } from '@trame/protocol';
import { KeyedSerialQueue } from '../../concurrency/KeyedSerialQueue.js';
import { emptyDocumentHead } from '../../documents/emptyDocumentHead.js';
import type {
  DocumentTransaction,
  InitialState,
  InitialStateQuery,
  RelayStorage,
  SpaceAccess,
  SpaceTransaction,
  StorageHealth,
} from '../RelayStorage.js';
import { applySqliteSchema } from './applySqliteSchema.js';
import { SqliteDocumentTransaction } from './SqliteDocumentTransaction.js';
import { SqliteQueries } from './SqliteQueries.js';
import { SqliteSpaceTransaction } from './SqliteSpaceTransaction.js';

const ONLY = 'db';

/**
 * {@link RelayStorage} on one SQLite file (better-sqlite3, WAL, `synchronous = FULL`).
 * better-sqlite3 is synchronous and has one connection, so every operation, including the
 * async callbacks of `withSpace`/`withDocument`, runs through one serial queue: a transaction
 * is never interleaved with another one, which gives R29's per-document atomicity for free.
 */
export class SqliteStorage implements RelayStorage {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly q: SqliteQueries;
  private readonly serial = new KeyedSerialQueue();
  private closed = false;
  private closing: Promise<void> | null = null;

  private constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    applySqliteSchema(this.db);
    this.q = new SqliteQueries(this.db);
  }

  /** Opens (and creates or migrates) the database file. */
  static open(file: string): SqliteStorage {
    return new SqliteStorage(file);
  }

  private run<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.serial.run(ONLY, async () => {
      if (this.closed) throw new Error('storage is closed');
      return fn();
    });
  }

  private transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.run(async () => {
      // IMMEDIATE takes the write lock up front: a second process on the same file waits
      // (busy_timeout) instead of failing half-way through the checks.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn();
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  access(spaceId: Uint8Array, identity: Uint8Array): Promise<SpaceAccess | null> {
    return this.run(() => this.q.access(spaceId, identity));
  }

  initialState(query: InitialStateQuery): Promise<InitialState> {
    return this.run(() =>
      // One read transaction: membership, snapshot and tail come from the same instant (R13).
      this.db.transaction((): InitialState => {
        const { spaceId, docId } = query;
        const access = this.q.access(spaceId, query.identity);
        const membership = this.q.entriesAfter(spaceId, query.afterSeq);
        if (!docId) {
          return { access, membership, head: emptyDocumentHead(), snapshot: null, tail: [], tailClocks: [] };
        }
        const head = this.q.head(spaceId, docId);
        const hasSnapshot = head.height > 0 && !bytesEqual(head.snapshotId, query.knownSnapshotId);
        return {
          access,
          membership,
          head,
          snapshot: hasSnapshot ? this.q.findSnapshot(spaceId, docId, head.snapshotId) : null,
          tail: this.q.tail(spaceId, docId, head.snapshotId),
          tailClocks: this.q.tailClocks(spaceId, docId, head.snapshotId),
        };
      })(),
    );
  }

  withSpace<T>(spaceId: Uint8Array, fn: (tx: SpaceTransaction) => Promise<T>): Promise<T> {
    return this.transaction(() => fn(new SqliteSpaceTransaction(this.q, spaceId)));
  }

  withDocument<T>(spaceId: Uint8Array, docId: Uint8Array, fn: (tx: DocumentTransaction) => Promise<T>): Promise<T> {
    return this.transaction(() => fn(new SqliteDocumentTransaction(this.q, spaceId, docId)));
  }

  async health(): Promise<StorageHealth> {
    try {
      const ok = await this.run(() => this.q.ping());
      return { ok, kind: this.kind, journalMode: 'wal', synchronous: 'full' };
    } catch {
      return { ok: false, kind: this.kind };
    }
  }

  /** Waits for queued operations, then closes the file. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.run(() => {
      this.closed = true;
      this.db.close();
    });
    return this.closing;
  }
}
