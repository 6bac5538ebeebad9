import pg from 'pg';
import { DATABASE_URL } from './scaleoutServices.js';

/**
 * Every row of every table of a relay schema, as a stable string (bytea in hex), read on a
 * separate connection: the PostgreSQL counterpart of `dumpSqlite`.
 */
export async function dumpPostgres(schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'schema_migrations' ORDER BY table_name",
      [schema],
    );
    const out: Record<string, string[]> = {};
    for (const { table_name: name } of tables.rows) {
      const rows = await client.query<Record<string, unknown>>(`SELECT * FROM "${schema}"."${name}"`);
      out[name] = rows.rows
        .map((row) =>
          JSON.stringify(
            Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v])),
          ),
        )
        .sort();
    }
    return JSON.stringify(out);
  } finally {
    await client.end();
  }
}
