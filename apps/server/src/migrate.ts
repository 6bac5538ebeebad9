import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { copySqliteToPostgres } from '@trame/relay';

const USAGE = `Copies a Trame relay's SQLite data into PostgreSQL and verifies the copy.

  node apps/server/dist/migrate.js --from ./data --to postgres://user@host:5432/db [--schema trame]

--from    the relay's DATA_DIR (or its trame.sqlite file); stop that relay first
--to      PostgreSQL URL (default: $DATABASE_URL)
--schema  target schema, created if missing, must hold no space (default: $DATABASE_SCHEMA or trame)

Every space, membership entry, member, invite, document, snapshot and update is copied in one
transaction, then read back and compared (row counts, heads, roles, SHA-256 of every frame);
any difference rolls everything back. Exit code 0 means a verified copy.`;

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    schema: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const to = values.to ?? process.env.DATABASE_URL;
if (!values.from || !to) {
  console.error(USAGE);
  process.exit(2);
}
const from = resolve(values.from);
const sqliteFile = existsSync(from) && statSync(from).isDirectory() ? join(from, 'trame.sqlite') : from;
if (!existsSync(sqliteFile)) {
  console.error(`No SQLite database at ${sqliteFile}`);
  process.exit(2);
}
const schema = values.schema ?? process.env.DATABASE_SCHEMA ?? 'trame';
try {
  const started = Date.now();
  const report = await copySqliteToPostgres({ sqliteFile, databaseUrl: to, schema });
  console.log(
    `Copied and verified ${sqliteFile} → schema "${schema}" in ${Date.now() - started} ms: ` +
      `${report.spaces} spaces, ${report.membershipEntries} membership entries, ${report.members} members, ` +
      `${report.invites} invites, ${report.documents} documents, ${report.snapshots} snapshots, ${report.updates} updates.`,
  );
  console.log(`frames SHA-256 digest (identical on both sides): ${report.framesDigest}`);
  console.log(JSON.stringify({ ok: true, ...report }));
} catch (e) {
  console.error(`Migration failed, nothing was written: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
