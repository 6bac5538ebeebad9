import type { Database, Statement } from 'better-sqlite3';
import type { RetentionPolicy } from '@trame/protocol';
import type { HistoryTransaction, StoredVersion, VersionStamp, VersionWrite } from '../../history/HistoryStore.js';

interface VersionRow {
  version_id: Uint8Array;
  author?: Uint8Array;
  stored_at: number;
  size: number;
  named: number;
  head?: Uint8Array;
  state?: Uint8Array;
  name?: Uint8Array | null;
}

const cache = new WeakMap<Database, Record<string, Statement>>();

function statements(db: Database): Record<string, Statement> {
  let s = cache.get(db);
  if (s) return s;
  const p = (sql: string): Statement => db.prepare(sql);
  s = {
    stamps: p(
      'SELECT version_id, stored_at, size, named FROM versions WHERE space_id = ? AND doc_id = ? ORDER BY stored_at, version_id',
    ),
    list: p(
      'SELECT version_id, author, stored_at, size, named, head, name FROM versions ' +
        'WHERE space_id = ? AND doc_id = ? ORDER BY stored_at DESC, version_id DESC',
    ),
    find: p(
      'SELECT version_id, author, stored_at, size, named, head, state, name FROM versions ' +
        'WHERE space_id = ? AND doc_id = ? AND version_id = ?',
    ),
    insert: p(
      'INSERT INTO versions (space_id, doc_id, version_id, author, stored_at, size, named, head, state) ' +
        'VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)',
    ),
    remove: p('DELETE FROM versions WHERE space_id = ? AND doc_id = ? AND version_id = ?'),
    setName: p('UPDATE versions SET named = 1, name = ? WHERE space_id = ? AND doc_id = ? AND version_id = ?'),
    documents: p('SELECT DISTINCT doc_id FROM versions WHERE space_id = ?'),
    spaceBytes: p('SELECT COALESCE(SUM(size), 0) AS n FROM versions WHERE space_id = ?'),
    retention: p(
      'SELECT keep_all_seconds, hourly_seconds, daily_seconds, weekly_seconds FROM history_retention WHERE space_id = ?',
    ),
    setRetention: p(
      'INSERT INTO history_retention (space_id, keep_all_seconds, hourly_seconds, daily_seconds, weekly_seconds) ' +
        'VALUES (?, ?, ?, ?, ?) ON CONFLICT (space_id) DO UPDATE SET keep_all_seconds = excluded.keep_all_seconds, ' +
        'hourly_seconds = excluded.hourly_seconds, daily_seconds = excluded.daily_seconds, weekly_seconds = excluded.weekly_seconds',
    ),
  };
  cache.set(db, s);
  return s;
}

function stampOf(r: VersionRow): VersionStamp {
  return { versionId: new Uint8Array(r.version_id), storedAt: r.stored_at, size: r.size, named: r.named === 1 };
}

function storedOf(r: VersionRow): StoredVersion {
  return {
    ...stampOf(r),
    author: new Uint8Array(r.author!),
    head: new Uint8Array(r.head!),
    state: r.state ? new Uint8Array(r.state) : null,
    name: r.name ? new Uint8Array(r.name) : null,
  };
}

/** {@link HistoryTransaction} on the SQLite file (schema 4); the caller holds the transaction. */
export class SqliteHistoryTransaction implements HistoryTransaction {
  private readonly s: Record<string, Statement>;

  constructor(
    db: Database,
    private readonly spaceId: Uint8Array,
  ) {
    this.s = statements(db);
  }

  async stamps(docId: Uint8Array): Promise<VersionStamp[]> {
    return (this.s.stamps!.all(this.spaceId, docId) as VersionRow[]).map(stampOf);
  }

  async list(docId: Uint8Array): Promise<StoredVersion[]> {
    return (this.s.list!.all(this.spaceId, docId) as VersionRow[]).map(storedOf);
  }

  async find(docId: Uint8Array, versionId: Uint8Array): Promise<StoredVersion | null> {
    const row = this.s.find!.get(this.spaceId, docId, versionId) as VersionRow | undefined;
    return row ? storedOf(row) : null;
  }

  async insert(docId: Uint8Array, v: VersionWrite): Promise<void> {
    const size = v.head.length + v.state.length;
    this.s.insert!.run(this.spaceId, docId, v.versionId, v.author, v.storedAt, size, v.head, v.state);
  }

  async remove(docId: Uint8Array, versionIds: readonly Uint8Array[]): Promise<void> {
    for (const id of versionIds) this.s.remove!.run(this.spaceId, docId, id);
  }

  async setName(docId: Uint8Array, versionId: Uint8Array, nameRecord: Uint8Array): Promise<void> {
    this.s.setName!.run(nameRecord, this.spaceId, docId, versionId);
  }

  async documents(): Promise<Uint8Array[]> {
    return (this.s.documents!.all(this.spaceId) as Array<{ doc_id: Uint8Array }>).map((r) => new Uint8Array(r.doc_id));
  }

  async spaceBytes(): Promise<number> {
    return (this.s.spaceBytes!.get(this.spaceId) as { n: number }).n;
  }

  async retention(): Promise<RetentionPolicy | null> {
    const r = this.s.retention!.get(this.spaceId) as
      { keep_all_seconds: number; hourly_seconds: number; daily_seconds: number; weekly_seconds: number } | undefined;
    return r
      ? {
          keepAllSeconds: r.keep_all_seconds,
          hourlySeconds: r.hourly_seconds,
          dailySeconds: r.daily_seconds,
          weeklySeconds: r.weekly_seconds,
        }
      : null;
  }

  async setRetention(p: RetentionPolicy): Promise<void> {
    this.s.setRetention!.run(this.spaceId, p.keepAllSeconds, p.hourlySeconds, p.dailySeconds, p.weeklySeconds);
  }
}
