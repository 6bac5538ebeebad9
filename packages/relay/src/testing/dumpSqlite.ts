import Database from 'better-sqlite3';

/**
 * Every row of every table of a relay database, as a stable string (blobs in hex), read
 * through a separate read-only connection: what a test compares before and after a rejected
 * frame to prove nothing was written.
 */
export function dumpSqlite(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as Array<{ name: string }>;
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>;
      out[name] = rows
        .map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [k, v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v]),
          ),
        )
        .map((row) => JSON.stringify(row))
        .sort();
    }
    return JSON.stringify(out);
  } finally {
    db.close();
  }
}
