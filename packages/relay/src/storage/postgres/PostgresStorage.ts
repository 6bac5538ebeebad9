import pg from 'pg';
import { bytesEqual, isTrameError, isZero, toHex, ZERO_ID } from '@trame/protocol';
import { KeyedLimiter } from '../../concurrency/KeyedLimiter.js';
import { emptyDocumentHead } from '../../documents/emptyDocumentHead.js';
import { parentIdOf } from '../../documents/parentIdOf.js';
import type { CommitLog, CommittedFrames } from '../../fanout/CommitLog.js';
import type { Logger } from '../../logging/Logger.js';
import { silentLogger } from '../../logging/silentLogger.js';
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
import { advisoryLockKey } from './advisoryLockKey.js';
import { migratePostgresSchema } from './migratePostgresSchema.js';
import { PostgresDocumentTransaction } from './PostgresDocumentTransaction.js';
import { PostgresQueries } from './PostgresQueries.js';
import { PostgresSpaceTransaction } from './PostgresSpaceTransaction.js';
import { PostgresHistoryTransaction } from './PostgresHistoryTransaction.js';
import type { HistoryStore } from '../../history/HistoryStore.js';
import { SchemaTooNewError } from '../SchemaTooNewError.js';

/** Options of {@link PostgresStorage.open}. */
export interface PostgresStorageOptions {
  /** `postgres://user:password@host:port/database`. */
  url: string;
  /** Schema holding the relay's tables, created and migrated at start-up. Default `trame`. */
  schema?: string;
  /** Connections in this instance's pool. Default 10. */
  maxConnections?: number;
  /**
   * R66: pooled connections one space's transactions and state reads may hold at once, so that
   * a space's backlog never takes them all. Default half the pool (at least 1).
   */
  maxConnectionsPerSpace?: number;
  /**
   * Longest wait for a connection, a lock or a query before the relay gives up and answers
   * UNAVAILABLE (R29). Default 5000 ms.
   */
  timeoutMs?: number;
  /** Keep retrying to reach the database at start-up for this long. Default 0 (fail at once). */
  startupRetryMs?: number;
  logger?: Logger;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const INT8 = 20;

/**
 * {@link RelayStorage} on PostgreSQL, shared by any number of relay instances. One space holds at
 * most `maxConnectionsPerSpace` pooled connections at once (R66). Every document
 * (and space) write runs in one transaction that first takes a transaction-scoped advisory
 * lock on the document (space), so two instances can never both accept clock N for an
 * author, or two snapshots on one parent; unique keys on (snapshot, author, clock) and on
 * snapshot height back that up. Each accepted UPDATE/SNAPSHOT gets the document's next commit
 * sequence number in the same transaction, which the Redis fan-out uses to deliver frames in
 * commit order on every instance ({@link CommitLog}). COMMIT returns only once the WAL is
 * flushed (the server's default `synchronous_commit = on`), so an ACK follows durability.
 */
export class PostgresStorage implements RelayStorage, CommitLog {
  readonly kind = 'postgres';
  /** HISTORY-1/3: one transaction per request, under the space's history lock. */
  readonly history: HistoryStore = {
    withHistory: (spaceId, fn) =>
      this.transaction(spaceId, 'BEGIN', advisoryLockKey('history', spaceId), (q) =>
        fn(new PostgresHistoryTransaction(q.db, spaceId)),
      ),
  };
  private readonly reads: PostgresQueries;
  private closed = false;
  private closing: Promise<void> | null = null;
  private readonly running = new Set<Promise<unknown>>();
  private readonly perSpace: KeyedLimiter;

  private constructor(
    private readonly pool: pg.Pool,
    readonly schema: string,
    private readonly logger: Logger,
    maxConnectionsPerSpace: number,
  ) {
    this.reads = new PostgresQueries(pool);
    this.perSpace = new KeyedLimiter(maxConnectionsPerSpace);
  }

  /** Connects, creates or migrates the schema, and returns the storage. */
  static async open(options: PostgresStorageOptions): Promise<PostgresStorage> {
    const schema = options.schema ?? 'trame';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
    const timeoutMs = options.timeoutMs ?? 5000;
    const logger = options.logger ?? silentLogger;
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: timeoutMs,
      // The server cancels a statement (a lock wait included) after timeoutMs; the client gives
      // up a little later when the server does not answer at all (network cut).
      query_timeout: timeoutMs + 1000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      application_name: 'trame-relay',
      // A transaction whose relay stopped talking (paused, partitioned) must not hold its
      // document's lock for ever: the server ends such sessions.
      options: `-c search_path=${schema} -c statement_timeout=${timeoutMs} -c idle_in_transaction_session_timeout=${2 * timeoutMs}`,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8
            ? (v: string) => Number(v)
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle pooled connection that drops emits here; without a listener it would crash the process.
    pool.on('error', (e) => logger.log('warn', 'postgres.idle_connection_lost', { error: e.message }));
    const deadline = Date.now() + (options.startupRetryMs ?? 0);
    for (;;) {
      try {
        const applied = await migratePostgresSchema(pool, schema);
        if (applied.length > 0) logger.log('info', 'postgres.migrated', { schema, versions: applied.join(',') });
        break;
      } catch (e) {
        if (Date.now() >= deadline || e instanceof SchemaTooNewError) {
          await pool.end().catch(() => {});
          throw e;
        }
        logger.log('warn', 'postgres.unreachable_at_start', { error: e instanceof Error ? e.message : 'unknown' });
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    const perSpace = options.maxConnectionsPerSpace ?? Math.max(1, Math.floor((options.maxConnections ?? 10) / 2));
    return new PostgresStorage(pool, schema, logger, perSpace);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.then(
      () => this.running.delete(work),
      () => this.running.delete(work),
    );
    return work;
  }

  /**
   * Runs `fn` in one transaction on one pooled connection. A TrameError (a check said no) rolls
   * back and keeps the connection; any other failure (timeout, lost connection, failed COMMIT)
   * destroys the connection, which makes the server roll back whatever it had, and rethrows:
   * the relay answers UNAVAILABLE and acknowledges nothing.
   */
  private transaction<T>(
    spaceId: Uint8Array,
    begin: string,
    lockKey: string | null,
    fn: (q: PostgresQueries) => Promise<T>,
  ): Promise<T> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    return this.track(
      this.perSpace.run(toHex(spaceId), async () => {
        const client = await this.pool.connect();
        let broken = false;
        const onError = (): void => {
          broken = true;
        };
        client.on('error', onError);
        try {
          await client.query(begin);
          if (lockKey !== null) {
            await client.query({
              name: 'trame_lock',
              text: 'SELECT pg_advisory_xact_lock($1::bigint)',
              values: [lockKey],
            });
          }
          const result = await fn(new PostgresQueries(client));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          if (isTrameError(e) && !broken) {
            try {
              await client.query('ROLLBACK');
            } catch {
              broken = true;
            }
          } else broken = true;
          throw e;
        } finally {
          client.off('error', onError);
          client.release(broken ? true : undefined);
        }
      }),
    );
  }

  access(spaceId: Uint8Array, identity: Uint8Array): Promise<SpaceAccess | null> {
    return this.guard(() => this.reads.access(spaceId, identity));
  }

  initialState(query: InitialStateQuery): Promise<InitialState> {
    const pageBytes = query.pageBytes ?? DEFAULT_PAGE_BYTES;
    // One REPEATABLE READ snapshot: membership, head, snapshot and the tails' bounds from the
    // same instant (R13). The tails are read later, page by page on the pool (R61): a slow
    // reader holds no pooled connection.
    return this.transaction(
      query.spaceId,
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
      null,
      async (q): Promise<InitialState> => {
        const { spaceId, docId } = query;
        const access = await q.access(spaceId, query.identity);
        // Entries are numbered 0, 1, 2… without gaps (R31): after the client's seq up to the head.
        const from = Math.max(query.afterSeq, -1);
        const membership = new PagedTail(
          access ? Math.max(0, access.seq - from) : 0,
          access?.seq ?? -1,
          pageBytes,
          (after, to, maxBytes) =>
            this.guard(() =>
              this.perSpace.run(toHex(spaceId), () => this.reads.entriesPage(spaceId, after, to, maxBytes)),
            ),
          // Seqs have no gaps: the row `offset` past `after` is at after + 1 + offset.
          (after, to, offset) => Promise.resolve(after + 1 + offset <= to ? after + 1 + offset : null),
          from,
        );
        if (!docId) {
          // R75: a pending invite identity gets its wrap secret with the log.
          const inviteWraps = access?.invite ? await q.inviteWraps(spaceId, query.identity) : [];
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
        const cursor = async (snapshotId: Uint8Array): Promise<PagedTail> => {
          const { count, upTo } = await q.tailBound(spaceId, docId, snapshotId);
          const inSpace = <T>(fn: () => Promise<T>): Promise<T> =>
            this.guard(() => this.perSpace.run(toHex(spaceId), fn));
          return new PagedTail(
            count,
            upTo,
            pageBytes,
            (after, to, maxBytes) =>
              inSpace(() => this.reads.tailPage(spaceId, docId, snapshotId, after, to, maxBytes)),
            (after, to, offset) => inSpace(() => this.reads.tailSeek(spaceId, docId, snapshotId, after, to, offset)),
          );
        };
        const head = await q.head(spaceId, docId);
        const hasSnapshot = head.height > 0 && !bytesEqual(head.snapshotId, query.knownSnapshotId);
        const snapshot = hasSnapshot ? await q.findSnapshot(spaceId, docId, head.snapshotId) : null;
        let parent: InitialState['parent'] = null;
        if (query.withParent && snapshot) {
          // A first snapshot's "parent" is the empty state and the tail on no snapshot.
          const parentId = parentIdOf(snapshot);
          const frame = isZero(parentId) ? null : await q.findSnapshot(spaceId, docId, parentId);
          if (frame || isZero(parentId)) parent = { snapshot: frame, tail: await cursor(parentId) };
        }
        return {
          access,
          membership,
          head,
          snapshot,
          tail: await cursor(head.snapshotId),
          tailClocks: await q.tailClocks(spaceId, docId, head.snapshotId),
          parent,
        };
      },
    );
  }

  memberOfAnySpace(identity: Uint8Array): Promise<boolean> {
    return this.guard(() => this.reads.isMemberAnywhere(identity));
  }

  /**
   * R78: deletes expired invites' wrap secrets. PostgreSQL keeps a deleted row's old version
   * until VACUUM reclaims it (autovacuum, or `VACUUM invite_wraps`), and in WAL archives: see
   * THREAT_MODEL.md on invites.
   */
  dropExpiredInviteWraps(nowSeconds: number): Promise<number> {
    // Relay-wide: it takes its turn under the "no space" id (zeros).
    return this.transaction(ZERO_ID, 'BEGIN', null, (q) => q.deleteExpiredInviteWraps(nowSeconds));
  }

  withSpace<T>(spaceId: Uint8Array, fn: (tx: SpaceTransaction) => Promise<T>): Promise<T> {
    return this.transaction(spaceId, 'BEGIN', advisoryLockKey('space', spaceId), (q) =>
      fn(new PostgresSpaceTransaction(q, spaceId)),
    );
  }

  withDocument<T>(spaceId: Uint8Array, docId: Uint8Array, fn: (tx: DocumentTransaction) => Promise<T>): Promise<T> {
    return this.transaction(spaceId, 'BEGIN', advisoryLockKey('document', spaceId, docId), (q) =>
      fn(new PostgresDocumentTransaction(q, spaceId, docId)),
    );
  }

  documentFramesAfter(spaceId: Uint8Array, docId: Uint8Array, afterSeq: number): Promise<CommittedFrames> {
    return this.guard(() => this.reads.documentFramesAfter(spaceId, docId, afterSeq));
  }

  membershipAfter(spaceId: Uint8Array, afterSeq: number): Promise<CommittedFrames> {
    return this.guard(() => this.reads.membershipAfter(spaceId, afterSeq));
  }

  documentSeqs(keys: ReadonlyArray<readonly [Uint8Array, Uint8Array]>): Promise<Map<string, number>> {
    if (keys.length === 0) return Promise.resolve(new Map());
    return this.guard(() => this.reads.documentSeqs(keys));
  }

  spaceSeqs(spaceIds: readonly Uint8Array[]): Promise<Map<string, number>> {
    if (spaceIds.length === 0) return Promise.resolve(new Map());
    return this.guard(() => this.reads.spaceSeqs(spaceIds));
  }

  private guard<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    return this.track(fn());
  }

  async health(): Promise<StorageHealth> {
    const pool = { connections: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
    try {
      const ok = await this.guard(() => this.reads.ping());
      return { ok, kind: this.kind, schema: this.schema, ...pool };
    } catch (e) {
      return {
        ok: false,
        kind: this.kind,
        schema: this.schema,
        error: e instanceof Error ? e.message : 'unknown',
        ...pool,
      };
    }
  }

  /** Waits for running transactions, then closes the pool. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      await this.pool.end();
      this.logger.log('info', 'postgres.closed');
    })();
    return this.closing;
  }
}
