import { join, resolve } from 'node:path';
import { backupSqlite } from './backup/backupSqlite.js';
import { readServerConfig } from './readServerConfig.js';

/**
 * `npm run backup [-- <file>]`: a consistent copy of the live SQLite store of `DATA_DIR`
 * (default `./data`) while the server runs, to `<file>` (default
 * `DATA_DIR/backups/trame-<UTC time>.sqlite`). Restoring is described in docs/deploy.md.
 */
const config = readServerConfig(process.env);
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: back PostgreSQL up with pg_dump (docs/deploy.md).');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const to = resolve(process.argv[2] ?? join(config.dataDir, 'backups', `trame-${stamp}.sqlite`));
try {
  const report = await backupSqlite(join(config.dataDir, 'trame.sqlite'), to);
  console.log(`backup written: ${report.file} (${report.bytes} bytes, ${Math.round(report.ms)} ms)`);
} catch (e) {
  console.error(`backup failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
