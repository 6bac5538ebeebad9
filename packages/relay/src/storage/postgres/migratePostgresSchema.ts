import type { Pool } from 'pg';
import { advisoryLockKey } from './advisoryLockKey.js';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from './postgresMigrations.js';
import { quoteIdent } from './quoteIdent.js';
import { SchemaTooNewError } from '../SchemaTooNewError.js';

/**
 * Creates the schema if needed and applies the migrations it lacks, in one transaction under
 * an advisory lock, so that several relay instances starting at once apply each step exactly
 * once. Refuses a database whose schema is newer than this relay.
 * @returns the versions applied by this call
 */
export async function migratePostgresSchema(
  pool: Pool,
  schema: string,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [
      advisoryLockKey('migrations', Buffer.from(schema)),
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, description text NOT NULL, ' +
        'applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const beyond = [...done].filter((v) => v > newest);
    if (beyond.length > 0) {
      throw new SchemaTooNewError(`PostgreSQL schema "${schema}"`, Math.max(...beyond), newest);
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
        m.version,
        m.description,
      ]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    client.release();
    return applied;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    client.release(true);
    throw e;
  }
}
