import type { RetentionPolicy } from '@trame/protocol';
import type { HistoryTransaction, StoredVersion, VersionStamp, VersionWrite } from '../../history/HistoryStore.js';
import type { Queryable } from './PostgresQueries.js';

interface VersionRow {
  version_id: Uint8Array;
  author?: Uint8Array;
  stored_at: number;
  size: number;
  named: boolean;
  head?: Uint8Array;
  state?: Uint8Array;
  name?: Uint8Array | null;
}

const SQL = {
  stamps:
    'SELECT version_id, stored_at, size, named FROM versions WHERE space_id = $1 AND doc_id = $2 ORDER BY stored_at, version_id',
  list:
    'SELECT version_id, author, stored_at, size, named, head, name FROM versions ' +
    'WHERE space_id = $1 AND doc_id = $2 ORDER BY stored_at DESC, version_id DESC',
  find:
    'SELECT version_id, author, stored_at, size, named, head, state, name FROM versions ' +
    'WHERE space_id = $1 AND doc_id = $2 AND version_id = $3',
  insert:
    'INSERT INTO versions (space_id, doc_id, version_id, author, stored_at, size, named, head, state) ' +
    'VALUES ($1, $2, $3, $4, $5, $6, false, $7, $8)',
  remove: 'DELETE FROM versions WHERE space_id = $1 AND doc_id = $2 AND version_id = ANY($3::bytea[])',
  setName: 'UPDATE versions SET named = true, name = $4 WHERE space_id = $1 AND doc_id = $2 AND version_id = $3',
  documents: 'SELECT DISTINCT doc_id FROM versions WHERE space_id = $1',
  spaceBytes: 'SELECT COALESCE(SUM(size), 0)::bigint AS n FROM versions WHERE space_id = $1',
  retention:
    'SELECT keep_all_seconds, hourly_seconds, daily_seconds, weekly_seconds FROM history_retention WHERE space_id = $1',
  setRetention:
    'INSERT INTO history_retention (space_id, keep_all_seconds, hourly_seconds, daily_seconds, weekly_seconds) ' +
    'VALUES ($1, $2, $3, $4, $5) ON CONFLICT (space_id) DO UPDATE SET keep_all_seconds = EXCLUDED.keep_all_seconds, ' +
    'hourly_seconds = EXCLUDED.hourly_seconds, daily_seconds = EXCLUDED.daily_seconds, weekly_seconds = EXCLUDED.weekly_seconds',
} as const;

function stampOf(r: VersionRow): VersionStamp {
  return {
    versionId: new Uint8Array(r.version_id),
    storedAt: Number(r.stored_at),
    size: Number(r.size),
    named: r.named,
  };
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

/** {@link HistoryTransaction} on PostgreSQL (schema 4), on a client inside a transaction. */
export class PostgresHistoryTransaction implements HistoryTransaction {
  constructor(
    private readonly db: Queryable,
    private readonly spaceId: Uint8Array,
  ) {}

  private async rows<R extends object>(text: string, values: unknown[]): Promise<R[]> {
    return (await this.db.query<R & Record<string, unknown>>({ text, values })).rows;
  }

  async stamps(docId: Uint8Array): Promise<VersionStamp[]> {
    return (await this.rows<VersionRow>(SQL.stamps, [this.spaceId, docId])).map(stampOf);
  }

  async list(docId: Uint8Array): Promise<StoredVersion[]> {
    return (await this.rows<VersionRow>(SQL.list, [this.spaceId, docId])).map(storedOf);
  }

  async find(docId: Uint8Array, versionId: Uint8Array): Promise<StoredVersion | null> {
    const [row] = await this.rows<VersionRow>(SQL.find, [this.spaceId, docId, versionId]);
    return row ? storedOf(row) : null;
  }

  async insert(docId: Uint8Array, v: VersionWrite): Promise<void> {
    const size = v.head.length + v.state.length;
    await this.rows(SQL.insert, [this.spaceId, docId, v.versionId, v.author, v.storedAt, size, v.head, v.state]);
  }

  async remove(docId: Uint8Array, versionIds: readonly Uint8Array[]): Promise<void> {
    if (versionIds.length === 0) return;
    await this.rows(SQL.remove, [this.spaceId, docId, versionIds.map((id) => Buffer.from(id))]);
  }

  async setName(docId: Uint8Array, versionId: Uint8Array, nameRecord: Uint8Array): Promise<void> {
    await this.rows(SQL.setName, [this.spaceId, docId, versionId, nameRecord]);
  }

  async documents(): Promise<Uint8Array[]> {
    return (await this.rows<{ doc_id: Uint8Array }>(SQL.documents, [this.spaceId])).map(
      (r) => new Uint8Array(r.doc_id),
    );
  }

  async spaceBytes(): Promise<number> {
    const [row] = await this.rows<{ n: number }>(SQL.spaceBytes, [this.spaceId]);
    return Number(row?.n ?? 0);
  }

  async retention(): Promise<RetentionPolicy | null> {
    const [r] = await this.rows<{
      keep_all_seconds: number;
      hourly_seconds: number;
      daily_seconds: number;
      weekly_seconds: number;
    }>(SQL.retention, [this.spaceId]);
    return r
      ? {
          keepAllSeconds: Number(r.keep_all_seconds),
          hourlySeconds: Number(r.hourly_seconds),
          dailySeconds: Number(r.daily_seconds),
          weeklySeconds: Number(r.weekly_seconds),
        }
      : null;
  }

  async setRetention(p: RetentionPolicy): Promise<void> {
    await this.rows(SQL.setRetention, [
      this.spaceId,
      p.keepAllSeconds,
      p.hourlySeconds,
      p.dailySeconds,
      p.weeklySeconds,
    ]);
  }
}
