import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { viewFramesInline } from '../sqlite/viewFramesInline.js';
import { toHex, ZERO_ID } from '@trame/protocol';
import { PostgresStorage } from '../postgres/PostgresStorage.js';
import { quoteIdent } from '../postgres/quoteIdent.js';

/** Options of {@link copySqliteToPostgres}. */
export interface CopySqliteToPostgresOptions {
  /** The relay's SQLite file (`DATA_DIR/trame.sqlite`); the relay using it must be stopped. */
  sqliteFile: string;
  /** `postgres://…`; the schema is created and migrated, and must hold no space yet. */
  databaseUrl: string;
  /** Default `trame`. */
  schema?: string;
}

/** What was copied and verified. */
export interface MigrationReport {
  spaces: number;
  membershipEntries: number;
  members: number;
  invites: number;
  documents: number;
  snapshots: number;
  updates: number;
  /** Schema 4 (HISTORY-1): versions and retention policies copied. */
  versions: number;
  /** SHA-256 over the sorted SHA-256 of every frame (entries, snapshots, updates), identical on both sides. */
  framesDigest: string;
}

type Row = Record<string, unknown>;

/**
 * Copies every space, membership entry, member, invite, document head, snapshot and update of
 * a SQLite relay database into PostgreSQL, in one transaction, then reads everything back from
 * PostgreSQL inside that transaction and compares it with SQLite: row counts per table, every
 * head and role, and the SHA-256 of every raw frame. Any difference rolls the copy back and
 * throws, so the target is either a verified copy or untouched. Frames are copied as stored
 * (ciphertext); each document's updates and snapshots get commit seqs in acceptance order.
 */
export async function copySqliteToPostgres(o: CopySqliteToPostgresOptions): Promise<MigrationReport> {
  const schema = o.schema ?? 'trame';
  // Creates and migrates the schema exactly as a relay would at start-up.
  await (await PostgresStorage.open({ url: o.databaseUrl, schema })).close();
  const lite = new Database(o.sqliteFile, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: o.databaseUrl });
  await client.connect();
  try {
    const version = lite.pragma('user_version', { simple: true }) as number;
    // Version 2 only adds counters (R67) and an index, which are recounted on the PostgreSQL side;
    // version 3 adds pending invites' wrap secrets (R75), copied when present; version 4 adds
    // version history (HISTORY-1) and retention policies (HISTORY-3); version 5 keeps large
    // frames in the frames file (ADR 0009): they are read from there, and copied inline.
    if (version < 1 || version > 5)
      throw new Error(`SQLite schema version ${version}; this migration reads versions 1 to 5`);
    viewFramesInline(lite, o.sqliteFile);
    await client.query('BEGIN');
    await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
    const existing = await client.query<{ n: string }>('SELECT count(*) AS n FROM spaces');
    if (Number(existing.rows[0]!.n) > 0)
      throw new Error(`schema "${schema}" already holds spaces; migrate into an empty one`);
    await copy(lite, client, version);
    const report = await verify(lite, client, version);
    await client.query('COMMIT');
    return report;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
    lite.close();
  }
}

function all(lite: Database.Database, sql: string): Row[] {
  return lite.prepare(sql).all() as Row[];
}

async function copy(lite: Database.Database, client: pg.Client, version: number): Promise<void> {
  const insert = (table: string, columns: string[]) => {
    const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
    return (values: unknown[]) => client.query({ name: `migrate_${table}`, text, values });
  };
  const space = insert('spaces', ['space_id', 'seq', 'head_hash', 'epoch']);
  for (const r of all(lite, 'SELECT * FROM spaces')) await space([r.space_id, r.seq, r.head_hash, r.epoch]);
  const entry = insert('membership_entries', ['space_id', 'seq', 'frame', 'hash']);
  for (const r of all(lite, 'SELECT * FROM membership_entries ORDER BY space_id, seq'))
    await entry([r.space_id, r.seq, r.frame, r.hash]);
  const member = insert('members', ['space_id', 'identity', 'role']);
  for (const r of all(lite, 'SELECT * FROM members')) await member([r.space_id, r.identity, r.role]);
  const invite = insert('invites', ['space_id', 'identity', 'role', 'expires_at']);
  for (const r of all(lite, 'SELECT * FROM invites')) await invite([r.space_id, r.identity, r.role, r.expires_at]);
  // R75: pending invites keep working after the move (their wrap secrets come along).
  const wrap = insert('invite_wraps', ['space_id', 'identity', 'seq', 'wrap', 'expires_at']);
  const wraps = version >= 3 ? all(lite, 'SELECT * FROM invite_wraps') : [];
  for (const r of wraps) await wrap([r.space_id, r.identity, r.seq, r.wrap, r.expires_at]);

  // HISTORY-1/3 (schema 4): versions survive the move with their times, sizes and names.
  if (version >= 4) {
    const retention = insert('history_retention', [
      'space_id',
      'keep_all_seconds',
      'hourly_seconds',
      'daily_seconds',
      'weekly_seconds',
    ]);
    for (const r of all(lite, 'SELECT * FROM history_retention'))
      await retention([r.space_id, r.keep_all_seconds, r.hourly_seconds, r.daily_seconds, r.weekly_seconds]);
    const insertVersion = insert('versions', [
      'space_id',
      'doc_id',
      'version_id',
      'author',
      'stored_at',
      'size',
      'named',
      'head',
      'state',
      'name',
    ]);
    const ids = lite.prepare('SELECT id FROM versions ORDER BY id').all() as Array<{ id: number }>;
    const one = lite.prepare('SELECT * FROM versions WHERE id = ?');
    // One row at a time: versions can be megabytes each.
    for (const { id } of ids) {
      const r = one.get(id) as Row;
      await insertVersion([
        r.space_id,
        r.doc_id,
        r.version_id,
        r.author,
        r.stored_at,
        r.size,
        r.named === 1,
        r.head,
        r.state,
        r.name,
      ]);
    }
  }

  const doc = insert('documents', [
    'space_id',
    'doc_id',
    'snapshot_id',
    'height',
    'proof',
    'frame_hash',
    'tail_count',
    'tail_bytes',
    'seq',
  ]);
  const snap = insert('snapshots', ['space_id', 'doc_id', 'snapshot_id', 'parent_id', 'height', 'doc_seq', 'frame']);
  const upd = insert('updates', ['space_id', 'doc_id', 'snapshot_id', 'author', 'clock', 'doc_seq', 'frame']);
  const snapshotsOf = lite.prepare('SELECT * FROM snapshots WHERE space_id = ? AND doc_id = ? ORDER BY height');
  const updatesOf = lite.prepare(
    'SELECT * FROM updates WHERE space_id = ? AND doc_id = ? AND snapshot_id = ? ORDER BY id',
  );
  for (const d of all(lite, 'SELECT * FROM documents')) {
    // Acceptance order: the updates on a snapshot follow it, and precede its child (R22, R25).
    // Before the first snapshot, updates sit on the zero id.
    let seq = 0;
    const bases: Array<{ id: Uint8Array; snapshot: Row | null }> = [{ id: ZERO_ID, snapshot: null }];
    for (const s of snapshotsOf.all(d.space_id, d.doc_id) as Row[])
      bases.push({ id: s.snapshot_id as Uint8Array, snapshot: s });
    const rows: Array<() => Promise<unknown>> = [];
    for (const base of bases) {
      if (base.snapshot) {
        const s = base.snapshot;
        const at = ++seq;
        rows.push(() => snap([s.space_id, s.doc_id, s.snapshot_id, s.parent_id, s.height, at, s.frame]));
      }
      for (const u of updatesOf.all(d.space_id, d.doc_id, base.id) as Row[]) {
        const at = ++seq;
        rows.push(() => upd([u.space_id, u.doc_id, u.snapshot_id, u.author, u.clock, at, u.frame]));
      }
    }
    await doc([d.space_id, d.doc_id, d.snapshot_id, d.height, d.proof, d.frame_hash, d.tail_count, d.tail_bytes, seq]);
    for (const row of rows) await row();
  }
  // R67: the stored-bytes counters, from the frames just copied.
  await client.query(
    'UPDATE spaces SET log_bytes = (SELECT COALESCE(SUM(octet_length(frame)), 0) FROM membership_entries e ' +
      'WHERE e.space_id = spaces.space_id)',
  );
  await client.query(
    'UPDATE documents d SET stored_bytes = ' +
      '(SELECT COALESCE(SUM(octet_length(frame)), 0) FROM snapshots s WHERE s.space_id = d.space_id AND s.doc_id = d.doc_id) + ' +
      '(SELECT COALESCE(SUM(octet_length(frame)), 0) FROM updates u WHERE u.space_id = d.space_id AND u.doc_id = d.doc_id)',
  );
}

/** Rows of one table on both sides as comparable strings; frames are replaced by their SHA-256. */
const TABLES: ReadonlyArray<{ name: string; columns: string[] }> = [
  { name: 'spaces', columns: ['space_id', 'seq', 'head_hash', 'epoch'] },
  { name: 'membership_entries', columns: ['space_id', 'seq', 'frame', 'hash'] },
  { name: 'members', columns: ['space_id', 'identity', 'role'] },
  { name: 'invites', columns: ['space_id', 'identity', 'role', 'expires_at'] },
  { name: 'invite_wraps', columns: ['space_id', 'identity', 'seq', 'wrap', 'expires_at'] },
  {
    name: 'documents',
    columns: ['space_id', 'doc_id', 'snapshot_id', 'height', 'proof', 'frame_hash', 'tail_count', 'tail_bytes'],
  },
  { name: 'snapshots', columns: ['space_id', 'doc_id', 'snapshot_id', 'parent_id', 'height', 'frame'] },
  { name: 'updates', columns: ['space_id', 'doc_id', 'snapshot_id', 'author', 'clock', 'frame'] },
  {
    name: 'history_retention',
    columns: ['space_id', 'keep_all_seconds', 'hourly_seconds', 'daily_seconds', 'weekly_seconds'],
  },
  {
    name: 'versions',
    columns: ['space_id', 'doc_id', 'version_id', 'author', 'stored_at', 'size', 'named', 'head', 'state', 'name'],
  },
];

/** Blob columns compared by their SHA-256 (and counted in the frames digest). */
const HASHED = new Set(['frame', 'head', 'state', 'name']);

function fingerprint(row: Row, columns: string[], frameHashes: string[]): string {
  return columns
    .map((c) => {
      const v = row[c];
      if (v === null || v === undefined) return 'null';
      if (HASHED.has(c)) {
        const h = createHash('sha256')
          .update(v as Uint8Array)
          .digest('hex');
        frameHashes.push(h);
        return h;
      }
      return v instanceof Uint8Array ? toHex(v) : String(Number(v));
    })
    .join('|');
}

async function verify(lite: Database.Database, client: pg.Client, version: number): Promise<MigrationReport> {
  const counts: Record<string, number> = {};
  const liteHashes: string[] = [];
  const pgHashes: string[] = [];
  // Schema 3 added invite_wraps (R75), schema 4 versions and retention; an older file has none to compare.
  const since: Record<string, number> = { invite_wraps: 3, versions: 4, history_retention: 4 };
  for (const t of TABLES.filter((t) => version >= (since[t.name] ?? 1))) {
    const cols = t.columns.join(', ');
    const a = all(lite, `SELECT ${cols} FROM ${t.name}`)
      .map((r) => fingerprint(r, t.columns, liteHashes))
      .sort();
    const b = (await client.query<Row>(`SELECT ${cols} FROM ${t.name}`)).rows
      .map((r) => fingerprint(r, t.columns, pgHashes))
      .sort();
    if (a.length !== b.length)
      throw new Error(`verification failed: ${t.name} has ${a.length} rows in SQLite, ${b.length} in PostgreSQL`);
    const differs = a.findIndex((row, i) => row !== b[i]);
    if (differs !== -1) throw new Error(`verification failed: ${t.name} differs (row ${differs}: hashes or values)`);
    counts[t.name] = a.length;
  }
  const digest = (hashes: string[]) => createHash('sha256').update(hashes.sort().join('\n')).digest('hex');
  const framesDigest = digest(liteHashes);
  if (framesDigest !== digest(pgHashes)) throw new Error('verification failed: frame hashes differ');
  return {
    spaces: counts.spaces!,
    membershipEntries: counts.membership_entries!,
    members: counts.members!,
    invites: counts.invites!,
    documents: counts.documents!,
    snapshots: counts.snapshots!,
    updates: counts.updates!,
    versions: counts.versions ?? 0,
    framesDigest,
  };
}
