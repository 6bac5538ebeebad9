import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { inlineFrames } from '@trame/relay';

/** What {@link backupSqlite} copied. */
export interface BackupReport {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
}

/**
 * A consistent copy of a live SQLite store, with SQLite's online backup API: pages are
 * copied in steps while the relay keeps writing (WAL lets it), and SQLite restarts the copy
 * when a write lands mid-way, so the result is the database as of one commit. Every update
 * acknowledged before the backup started is in it (an ACK follows its COMMIT, R14). The copy
 * is written next to `to` and renamed at the end: a crash leaves no half-written backup.
 * Large frames kept in the frames file (ADR 0009) are copied into the backup's rows, so the
 * backup stays one self-contained file; if one was pruned while the copy was made (the copy
 * still references it), the backup is made again, up to `attempts` times.
 */
export async function backupSqlite(from: string, to: string, attempts = 3): Promise<BackupReport> {
  for (let i = 1; ; i++) {
    try {
      return await backupOnce(from, to);
    } catch (e) {
      if (i >= attempts || !(e instanceof MissingFramesError)) throw e;
    }
  }
}

/** A frame the copy references was deleted from the frames file meanwhile. */
class MissingFramesError extends Error {}

async function backupOnce(from: string, to: string): Promise<BackupReport> {
  if (!existsSync(from)) throw new Error(`no SQLite store at ${from}`);
  mkdirSync(dirname(to), { recursive: true });
  const started = performance.now();
  const source = new Database(from, { fileMustExist: true });
  const partial = `${to}.partial`;
  rmSync(partial, { force: true });
  try {
    // Busy while the relay commits: wait for it rather than fail.
    source.pragma('busy_timeout = 5000');
    const result = await source.backup(partial);
    const copy = new Database(partial);
    try {
      try {
        inlineFrames(copy, from);
      } catch (e) {
        throw new MissingFramesError(e instanceof Error ? e.message : String(e), { cause: e });
      }
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`backup failed its integrity check: ${String(check)}`);
      // One self-contained file, no -wal beside it.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, to);
    const pageSize = source.pragma('page_size', { simple: true }) as number;
    return { file: to, bytes: result.totalPages * pageSize, pages: result.totalPages, ms: performance.now() - started };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    source.close();
  }
}
