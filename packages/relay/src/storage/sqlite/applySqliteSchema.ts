import type { Database } from 'better-sqlite3';
import { SchemaTooNewError } from '../SchemaTooNewError.js';
import { SQLITE_MIGRATIONS, type SqliteMigration } from './sqliteMigrations.js';

/**
 * Sets the pragmas the relay relies on and applies the schema steps the file lacks, each in its
 * own transaction with its `user_version`, so that a crash half-way leaves a file that the next
 * start continues from. WAL lets health checks and backups read while a write is in flight;
 * `synchronous = FULL` makes every COMMIT fsync the WAL, so an ACK (sent after COMMIT) survives
 * a power cut, not only a crash (R14). Refuses a file written by a newer release.
 * @returns the versions applied by this call
 */
export function applySqliteSchema(db: Database, migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS): number[] {
  // Checked before any pragma that could write: a newer file is left exactly as it was.
  const version = db.pragma('user_version', { simple: true }) as number;
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  if (version > newest) throw new SchemaTooNewError(`SQLite file ${db.name}`, version, newest);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= version) continue;
    db.transaction(() => {
      db.exec(m.sql);
      // user_version takes no bound parameter; the value is an integer from this file.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
