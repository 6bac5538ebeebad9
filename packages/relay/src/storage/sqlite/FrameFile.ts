import Database from 'better-sqlite3';
import type { SqliteWorker } from './SqliteWorker.js';

/**
 * Page size of the frames file. A frame fills whole overflow pages, so its last page is written
 * (twice: WAL, then checkpoint) however little it holds: at 64 KiB a 128 KiB frame took three
 * pages (+50 %); at 8 KiB, 17 (+6 %). Its writes run in the worker, so more pages cost no event-loop time.
 */
const PAGE_SIZE = 8192;

/**
 * Large content frames, kept in a second SQLite file so that their writes and fsyncs never share
 * the relay database's WAL (ADR 0009): a member's small commit no longer waits for a sync that
 * carries another space's megabytes. The worker thread writes it (`synchronous = FULL`: a frame is
 * on disk when {@link put} resolves, before any row of the database references it); the main
 * thread reads it through a connection of its own. Rows of `updates` and `snapshots` reference a
 * frame by id (`frame_ref`); a frame no row references is an orphan, deleted at open
 * ({@link sweep}) or when its write was not committed ({@link delete}).
 */
export class FrameFile {
  private readonly db: Database.Database;
  private readonly get: Database.Statement;
  private failure: Error | null = null;

  private constructor(
    readonly file: string,
    private readonly worker: SqliteWorker,
  ) {
    this.db = new Database(file);
    // Before the first table: the page size of a WAL database is fixed once it has content.
    this.db.pragma(`page_size = ${PAGE_SIZE}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    // This connection only reads once open: no checkpoint may ever run here.
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.exec(
      // AUTOINCREMENT: an id is never reused, so a stale reference can never name another frame.
      'CREATE TABLE IF NOT EXISTS frames (id INTEGER PRIMARY KEY AUTOINCREMENT, frame BLOB NOT NULL)',
    );
    this.get = this.db.prepare('SELECT frame FROM frames WHERE id = ?');
  }

  /**
   * Creates or opens the frames file; the worker's writing connection opens in the background
   * (messages to the worker run in order: every put is queued after it).
   */
  static openSync(file: string, worker: SqliteWorker, autocheckpointPages = 1024): FrameFile {
    const f = new FrameFile(file, worker);
    worker.openFrames(file, autocheckpointPages).catch((e: Error) => (f.failure ??= e));
    return f;
  }

  /** Whether a write failed: nothing more is written (see {@link put}). */
  get failed(): boolean {
    return this.failure !== null;
  }

  /**
   * Writes a frame and resolves with its id once it is on disk. An I/O error (a failed fsync may
   * have dropped pages) leaves the file in a state only a restart can judge, so after one every
   * later put fails too, as {@link WalSync} does for the database. A full disk (SQLITE_FULL) is
   * not one: SQLite rolled the write back, and the next put may succeed once space returns (R64).
   */
  async put(frame: Uint8Array): Promise<number> {
    if (this.failure) throw this.failure;
    try {
      return await this.worker.put(frame);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code !== 'string' || code.startsWith('SQLITE_IOERR')) this.failure ??= e as Error;
      throw e;
    }
  }

  /** The frame with this id; throws when it is missing (a reference without its frame). */
  read(id: number): Uint8Array {
    const row = this.get.get(id) as { frame: Uint8Array } | undefined;
    if (!row) throw new Error(`frame ${id} is missing from the frames file`);
    return row.frame;
  }

  /** Deletes frames no committed row references any more. Best effort: a lost delete leaves an orphan for {@link sweep}. */
  delete(ids: number[]): void {
    if (ids.length === 0) return;
    this.worker.delete(ids).catch(() => {});
  }

  /**
   * Deletes every frame that `referenced` does not name: frames written for a transaction that
   * was rolled back, or whose commit a crash took, and frames pruned whose delete a crash took.
   * Run at open, before any frame is staged. Returns how many were deleted.
   */
  sweep(referenced: Set<number>): number {
    const ids = (this.db.prepare('SELECT id FROM frames').pluck().all() as number[]).filter(
      (id) => !referenced.has(id),
    );
    const del = this.db.prepare('DELETE FROM frames WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) del.run(id);
    })();
    return ids.length;
  }

  close(): void {
    this.db.close();
  }
}
