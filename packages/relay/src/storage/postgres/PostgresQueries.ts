import type { QueryResultRow } from 'pg';
import { fromHex, Role, toHex, ZERO_HASH, ZERO_ID, type AuthorClock, type PendingInvite } from '@trame/protocol';
import type { CommittedFrames } from '../../fanout/CommitLog.js';
import type { TailRow } from '../PagedTail.js';
import type {
  DocumentHead,
  MembershipWrite,
  SnapshotWrite,
  SpaceAccess,
  SpaceRecord,
  StoredBytes,
  UpdateWrite,
} from '../RelayStorage.js';

/** What the queries run on: a pooled client inside a transaction, or the pool itself. */
export interface Queryable {
  query<R extends QueryResultRow>(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: R[] }>;
}

interface DocumentRow {
  snapshot_id: Uint8Array;
  height: number;
  proof: Uint8Array;
  frame_hash: Uint8Array;
  tail_count: number;
  tail_bytes: number;
  seq: number;
}

const HEAD_COLUMNS = 'snapshot_id, height, proof, frame_hash, tail_count, tail_bytes, seq';

// Named statements are prepared once per pooled connection: the write path runs the same
// handful of statements for every keystroke.
const SQL = {
  access:
    'SELECT s.seq, s.epoch, m.role, i.role AS invite_role, i.expires_at FROM spaces s ' +
    'LEFT JOIN members m ON m.space_id = s.space_id AND m.identity = $2 ' +
    'LEFT JOIN invites i ON i.space_id = s.space_id AND i.identity = $2 WHERE s.space_id = $1',
  space: 'SELECT seq, head_hash, epoch FROM spaces WHERE space_id = $1',
  members: 'SELECT identity, role FROM members WHERE space_id = $1',
  invites: 'SELECT identity, role, expires_at FROM invites WHERE space_id = $1',
  entry: 'SELECT frame FROM membership_entries WHERE space_id = $1 AND seq = $2',
  entriesPage:
    'SELECT e.seq, e.frame FROM membership_entries e JOIN (SELECT seq FROM (SELECT seq, ' +
    'SUM(octet_length(frame)) OVER (ORDER BY seq) - octet_length(frame) AS before FROM membership_entries ' +
    'WHERE space_id = $1 AND seq > $2 AND seq <= $3) w WHERE before < $4) page ON page.seq = e.seq ' +
    'WHERE e.space_id = $1 ORDER BY e.seq',
  insertSpace: 'INSERT INTO spaces (space_id, seq, head_hash, epoch, log_bytes) VALUES ($1, $2, $3, $4, $5)',
  updateSpace: 'UPDATE spaces SET seq = $2, head_hash = $3, epoch = $4, log_bytes = log_bytes + $5 WHERE space_id = $1',
  insertEntry: 'INSERT INTO membership_entries (space_id, seq, frame, hash) VALUES ($1, $2, $3, $4)',
  upsertMember:
    'INSERT INTO members (space_id, identity, role) VALUES ($1, $2, $3) ' +
    'ON CONFLICT (space_id, identity) DO UPDATE SET role = EXCLUDED.role',
  deleteMember: 'DELETE FROM members WHERE space_id = $1 AND identity = $2',
  upsertInvite:
    'INSERT INTO invites (space_id, identity, role, expires_at) VALUES ($1, $2, $3, $4) ' +
    'ON CONFLICT (space_id, identity) DO UPDATE SET role = EXCLUDED.role, expires_at = EXCLUDED.expires_at',
  deleteInvite: 'DELETE FROM invites WHERE space_id = $1 AND identity = $2',
  inviteWraps: 'SELECT seq, wrap FROM invite_wraps WHERE space_id = $1 AND identity = $2 ORDER BY seq',
  insertInviteWrap: 'INSERT INTO invite_wraps (space_id, identity, seq, wrap, expires_at) VALUES ($1, $2, $3, $4, $5)',
  deleteInviteWrap: 'DELETE FROM invite_wraps WHERE space_id = $1 AND identity = $2',
  deleteExpiredInviteWraps: 'DELETE FROM invite_wraps WHERE expires_at > 0 AND expires_at < $1 RETURNING identity',
  head: `SELECT ${HEAD_COLUMNS} FROM documents WHERE space_id = $1 AND doc_id = $2`,
  lastClock:
    'SELECT COALESCE(MAX(clock), 0) AS clock FROM updates ' +
    'WHERE space_id = $1 AND doc_id = $2 AND snapshot_id = $3 AND author = $4',
  findUpdate:
    'SELECT frame FROM updates WHERE space_id = $1 AND doc_id = $2 AND snapshot_id = $3 AND author = $4 AND clock = $5',
  tailClocks:
    'SELECT author, MAX(clock) AS clock FROM updates WHERE space_id = $1 AND doc_id = $2 AND snapshot_id = $3 ' +
    'GROUP BY author ORDER BY author',
  tailBound:
    'SELECT COUNT(*) AS count, COALESCE(MAX(doc_seq), 0) AS up_to FROM updates ' +
    'WHERE space_id = $1 AND doc_id = $2 AND snapshot_id = $3',
  // R61: the page's rows are chosen from their sizes alone (octet_length reads the TOAST
  // pointer, not the value); only the chosen rows' frames are fetched.
  tailSeek:
    'SELECT doc_seq FROM updates WHERE space_id = $1 AND doc_id = $2 AND snapshot_id = $3 AND doc_seq > $4 ' +
    'AND doc_seq <= $5 ORDER BY doc_seq LIMIT 1 OFFSET $6',
  tailPage:
    'SELECT u.doc_seq, u.frame FROM updates u JOIN (SELECT doc_seq FROM (SELECT doc_seq, ' +
    'SUM(octet_length(frame)) OVER (ORDER BY doc_seq) - octet_length(frame) AS before FROM updates ' +
    'WHERE space_id = $1 AND doc_id = $2 AND snapshot_id = $3 AND doc_seq > $4 AND doc_seq <= $5) w ' +
    'WHERE before < $6) page ON page.doc_seq = u.doc_seq WHERE u.space_id = $1 AND u.doc_id = $2 ORDER BY u.doc_seq',
  // The head row is created by the first write; later writes bump the tail and the sequence.
  bumpForUpdate:
    'INSERT INTO documents (space_id, doc_id, snapshot_id, height, proof, frame_hash, tail_count, tail_bytes, seq, ' +
    'stored_bytes) VALUES ($1, $2, $3, 0, $4, $4, 1, $5, 1, $5) ON CONFLICT (space_id, doc_id) DO UPDATE SET ' +
    'tail_count = documents.tail_count + 1, tail_bytes = documents.tail_bytes + EXCLUDED.tail_bytes, ' +
    'stored_bytes = documents.stored_bytes + EXCLUDED.stored_bytes, ' +
    `seq = documents.seq + 1 RETURNING ${HEAD_COLUMNS}`,
  insertUpdate:
    'INSERT INTO updates (space_id, doc_id, snapshot_id, author, clock, doc_seq, frame) VALUES ($1, $2, $3, $4, $5, $6, $7)',
  findSnapshot: 'SELECT frame FROM snapshots WHERE space_id = $1 AND doc_id = $2 AND snapshot_id = $3',
  setSnapshotHead:
    'INSERT INTO documents (space_id, doc_id, snapshot_id, height, proof, frame_hash, tail_count, tail_bytes, seq) ' +
    'VALUES ($1, $2, $3, $4, $5, $6, 0, 0, 1) ON CONFLICT (space_id, doc_id) DO UPDATE SET ' +
    'snapshot_id = EXCLUDED.snapshot_id, height = EXCLUDED.height, proof = EXCLUDED.proof, ' +
    'frame_hash = EXCLUDED.frame_hash, tail_count = 0, tail_bytes = 0, seq = documents.seq + 1 ' +
    `RETURNING ${HEAD_COLUMNS}`,
  insertSnapshot:
    'INSERT INTO snapshots (space_id, doc_id, snapshot_id, parent_id, height, doc_seq, frame) ' +
    'VALUES ($1, $2, $3, $4, $5, $6, $7)',
  pruneUpdates: 'DELETE FROM updates WHERE space_id = $1 AND doc_id = $2 AND snapshot_id <> $3 AND snapshot_id <> $4',
  pruneSnapshots:
    'DELETE FROM snapshots WHERE space_id = $1 AND doc_id = $2 AND snapshot_id <> $3 AND snapshot_id <> $4',
  // One statement, so one view: the head's sequence and the frames after a position agree.
  documentFramesAfter:
    'SELECT 0 AS part, seq AS doc_seq, NULL::bytea AS frame FROM documents WHERE space_id = $1 AND doc_id = $2 ' +
    'UNION ALL SELECT 1, doc_seq, frame FROM updates WHERE space_id = $1 AND doc_id = $2 AND doc_seq > $3 ' +
    'UNION ALL SELECT 1, doc_seq, frame FROM snapshots WHERE space_id = $1 AND doc_id = $2 AND doc_seq > $3 ' +
    'ORDER BY part, doc_seq',
  membershipAfter:
    'SELECT 0 AS part, seq, NULL::bytea AS frame FROM spaces WHERE space_id = $1 ' +
    'UNION ALL SELECT 1, seq, frame FROM membership_entries WHERE space_id = $1 AND seq > $2 ORDER BY part, seq',
  documentSeqs:
    'SELECT d.space_id, d.doc_id, d.seq FROM documents d ' +
    'JOIN unnest($1::bytea[], $2::bytea[]) AS k (space_id, doc_id) ON d.space_id = k.space_id AND d.doc_id = k.doc_id',
  spaceSeqs: 'SELECT space_id, seq FROM spaces WHERE space_id = ANY ($1::bytea[])',
  recountStoredBytes:
    'UPDATE documents SET stored_bytes = ' +
    '(SELECT COALESCE(SUM(octet_length(frame)), 0) FROM snapshots s WHERE s.space_id = $1 AND s.doc_id = $2) + ' +
    '(SELECT COALESCE(SUM(octet_length(frame)), 0) FROM updates u WHERE u.space_id = $1 AND u.doc_id = $2) ' +
    'WHERE space_id = $1 AND doc_id = $2',
  storedBytes:
    'SELECT COALESCE((SELECT log_bytes FROM spaces WHERE space_id = $1), 0) + ' +
    '(SELECT COALESCE(SUM(stored_bytes), 0) FROM documents WHERE space_id = $1) AS space, ' +
    'COALESCE((SELECT stored_bytes FROM documents WHERE space_id = $1 AND doc_id = $2), 0) AS document',
  isMemberAnywhere: 'SELECT 1 AS yes FROM members WHERE identity = $1 LIMIT 1',
  ping: 'SELECT 1 AS ok',
} as const;

type Statement = keyof typeof SQL;

/**
 * The SQL of the PostgreSQL adapter, as small async methods on whatever holds the transaction.
 * They only read and write rows; they decide nothing.
 */
export class PostgresQueries {
  constructor(readonly db: Queryable) {}

  private async rows<R extends QueryResultRow>(statement: Statement, values: unknown[]): Promise<R[]> {
    return (await this.db.query<R>({ name: `trame_${statement}`, text: SQL[statement], values })).rows;
  }

  /** R33: the identity's access. With `lockSpace`, holds a share lock on the space row until commit. */
  async access(spaceId: Uint8Array, identity: Uint8Array, lockSpace = false): Promise<SpaceAccess | null> {
    const [row] = lockSpace
      ? (
          await this.db.query<AccessRow>({
            name: 'trame_accessLocked',
            text: `${SQL.access} FOR SHARE OF s`,
            values: [spaceId, identity],
          })
        ).rows
      : await this.rows<AccessRow>('access', [spaceId, identity]);
    if (!row) return null;
    return {
      seq: row.seq,
      epoch: row.epoch,
      role: (row.role ?? Role.None) as Role,
      invite: row.invite_role === null ? null : { role: row.invite_role as Role, expiresAt: row.expires_at! },
    };
  }

  async space(spaceId: Uint8Array): Promise<SpaceRecord | null> {
    const [row] = await this.rows<{ seq: number; head_hash: Uint8Array; epoch: number }>('space', [spaceId]);
    if (!row) return null;
    const members = new Map<string, Role>();
    for (const m of await this.rows<{ identity: Uint8Array; role: Role }>('members', [spaceId])) {
      members.set(toHex(m.identity), m.role);
    }
    const invites = new Map<string, PendingInvite>();
    for (const i of await this.rows<{ identity: Uint8Array; role: Role; expires_at: number }>('invites', [spaceId])) {
      invites.set(toHex(i.identity), { role: i.role, expiresAt: i.expires_at });
    }
    return { spaceId, seq: row.seq, headHash: row.head_hash, epoch: row.epoch, members, invites };
  }

  async entry(spaceId: Uint8Array, seq: number): Promise<Uint8Array | null> {
    const [row] = await this.rows<{ frame: Uint8Array }>('entry', [spaceId, seq]);
    return row?.frame ?? null;
  }

  /** R61: membership entries with `after < seq <= upTo`, in order, up to `maxBytes` (one frame more). */
  async entriesPage(spaceId: Uint8Array, after: number, upTo: number, maxBytes: number): Promise<TailRow[]> {
    const rows = await this.rows<{ seq: number; frame: Uint8Array }>('entriesPage', [spaceId, after, upTo, maxBytes]);
    return rows.map((r) => ({ position: r.seq, frame: r.frame }));
  }

  async appendEntry(spaceId: Uint8Array, w: MembershipWrite): Promise<void> {
    if (w.seq === 0) await this.rows('insertSpace', [spaceId, w.seq, w.hash, w.epoch, w.frame.length]);
    else {
      const updated = await this.db.query({
        name: 'trame_updateSpace',
        text: `${SQL.updateSpace} RETURNING seq`,
        values: [spaceId, w.seq, w.hash, w.epoch, w.frame.length],
      });
      if (updated.rows.length !== 1) throw new Error('membership entry for a space that does not exist');
    }
    await this.rows('insertEntry', [spaceId, w.seq, w.frame, w.hash]);
    for (const [id, role] of w.setMembers) await this.rows('upsertMember', [spaceId, fromHex(id), role]);
    for (const id of w.deleteMembers) await this.rows('deleteMember', [spaceId, fromHex(id)]);
    for (const [id, inv] of w.setInvites)
      await this.rows('upsertInvite', [spaceId, fromHex(id), inv.role, inv.expiresAt]);
    for (const id of w.deleteInvites) await this.rows('deleteInvite', [spaceId, fromHex(id)]);
    for (const { identity, seq, wrap, expiresAt } of w.inviteWraps ?? []) {
      await this.rows('insertInviteWrap', [spaceId, fromHex(identity), seq, wrap, expiresAt]);
    }
    for (const id of w.deleteInvites) await this.rows('deleteInviteWrap', [spaceId, fromHex(id)]);
  }

  /** R75: the wrap secrets of a pending invite identity still stored, by entry seq. */
  async inviteWraps(spaceId: Uint8Array, identity: Uint8Array): Promise<Array<{ seq: number; wrap: Uint8Array }>> {
    const rows = await this.rows<{ seq: string | number; wrap: Uint8Array }>('inviteWraps', [spaceId, identity]);
    return rows.map((r) => ({ seq: Number(r.seq), wrap: r.wrap }));
  }

  /** R78: deletes the wrap secrets of invites expired before `nowSeconds`. */
  async deleteExpiredInviteWraps(nowSeconds: number): Promise<number> {
    return (await this.rows('deleteExpiredInviteWraps', [nowSeconds])).length;
  }

  async head(spaceId: Uint8Array, docId: Uint8Array): Promise<DocumentHead> {
    const [row] = await this.rows<DocumentRow>('head', [spaceId, docId]);
    return row
      ? toHead(row)
      : { snapshotId: ZERO_ID, height: 0, proof: ZERO_HASH, frameHash: ZERO_HASH, tailCount: 0, tailBytes: 0, seq: 0 };
  }

  async lastClock(spaceId: Uint8Array, docId: Uint8Array, snapshotId: Uint8Array, author: Uint8Array): Promise<number> {
    const [row] = await this.rows<{ clock: number }>('lastClock', [spaceId, docId, snapshotId, author]);
    return row?.clock ?? 0;
  }

  async findUpdate(
    spaceId: Uint8Array,
    docId: Uint8Array,
    snapshotId: Uint8Array,
    author: Uint8Array,
    clock: number,
  ): Promise<Uint8Array | null> {
    const [row] = await this.rows<{ frame: Uint8Array }>('findUpdate', [spaceId, docId, snapshotId, author, clock]);
    return row?.frame ?? null;
  }

  async tailClocks(spaceId: Uint8Array, docId: Uint8Array, snapshotId: Uint8Array): Promise<AuthorClock[]> {
    return (await this.rows<{ author: Uint8Array; clock: number }>('tailClocks', [spaceId, docId, snapshotId])).map(
      (r) => ({
        author: r.author,
        clock: r.clock,
      }),
    );
  }

  /** Number of updates on a snapshot and the doc_seq of its last one (0 if none). */
  async tailBound(
    spaceId: Uint8Array,
    docId: Uint8Array,
    snapshotId: Uint8Array,
  ): Promise<{ count: number; upTo: number }> {
    const [row] = await this.rows<{ count: number; up_to: number }>('tailBound', [spaceId, docId, snapshotId]);
    return { count: row?.count ?? 0, upTo: row?.up_to ?? 0 };
  }

  /** R48: the doc_seq of the update `offset` rows past `after` on a snapshot, or null. */
  async tailSeek(
    spaceId: Uint8Array,
    docId: Uint8Array,
    snapshotId: Uint8Array,
    after: number,
    upTo: number,
    offset: number,
  ): Promise<number | null> {
    const [row] = await this.rows<{ doc_seq: number }>('tailSeek', [spaceId, docId, snapshotId, after, upTo, offset]);
    return row?.doc_seq ?? null;
  }

  /** The updates on a snapshot with `after < doc_seq <= upTo`, in order, up to `maxBytes` (one frame more). */
  async tailPage(
    spaceId: Uint8Array,
    docId: Uint8Array,
    snapshotId: Uint8Array,
    after: number,
    upTo: number,
    maxBytes: number,
  ): Promise<TailRow[]> {
    const rows = await this.rows<{ doc_seq: number; frame: Uint8Array }>('tailPage', [
      spaceId,
      docId,
      snapshotId,
      after,
      upTo,
      maxBytes,
    ]);
    return rows.map((r) => ({ position: r.doc_seq, frame: r.frame }));
  }

  async appendUpdate(spaceId: Uint8Array, docId: Uint8Array, w: UpdateWrite): Promise<DocumentHead> {
    const [row] = await this.rows<DocumentRow>('bumpForUpdate', [spaceId, docId, ZERO_ID, ZERO_HASH, w.frame.length]);
    const head = toHead(row!);
    await this.rows('insertUpdate', [spaceId, docId, w.snapshotId, w.author, w.clock, head.seq, w.frame]);
    return head;
  }

  async findSnapshot(spaceId: Uint8Array, docId: Uint8Array, snapshotId: Uint8Array): Promise<Uint8Array | null> {
    const [row] = await this.rows<{ frame: Uint8Array }>('findSnapshot', [spaceId, docId, snapshotId]);
    return row?.frame ?? null;
  }

  async appendSnapshot(spaceId: Uint8Array, docId: Uint8Array, w: SnapshotWrite): Promise<DocumentHead> {
    const [row] = await this.rows<DocumentRow>('setSnapshotHead', [
      spaceId,
      docId,
      w.snapshotId,
      w.height,
      w.proof,
      w.frameHash,
    ]);
    const head = toHead(row!);
    await this.rows('insertSnapshot', [spaceId, docId, w.snapshotId, w.parentId, w.height, head.seq, w.frame]);
    // R28, as SQLite: keep the new snapshot and its parent with the parent's tail, so that a
    // client re-sending an update it had no ACK for still gets DUPLICATE (R21).
    // R28 keeps the parent and its tail; R73 (a move to a newer key epoch) keeps neither.
    const keep = w.pruneParent ? w.snapshotId : w.parentId;
    await this.rows('pruneUpdates', [spaceId, docId, keep, w.snapshotId]);
    await this.rows('pruneSnapshots', [spaceId, docId, keep, w.snapshotId]);
    await this.recountStoredBytes(spaceId, docId);
    return head;
  }

  /** UPDATE and SNAPSHOT frames committed after `afterSeq`, in commit order, and the head's seq. */
  async documentFramesAfter(spaceId: Uint8Array, docId: Uint8Array, afterSeq: number): Promise<CommittedFrames> {
    const rows = await this.rows<{ part: number; doc_seq: number; frame: Uint8Array | null }>('documentFramesAfter', [
      spaceId,
      docId,
      afterSeq,
    ]);
    return splitHead(
      rows.map((r) => ({ part: r.part, seq: r.doc_seq, frame: r.frame })),
      0,
    );
  }

  /** Membership entries after `afterSeq`, in order, and the log's head seq (-1: no space). */
  async membershipAfter(spaceId: Uint8Array, afterSeq: number): Promise<CommittedFrames> {
    const rows = await this.rows<{ part: number; seq: number; frame: Uint8Array | null }>('membershipAfter', [
      spaceId,
      afterSeq,
    ]);
    return splitHead(rows, -1);
  }

  /** Current commit sequence of each listed document that exists (key: space hex + doc hex). */
  async documentSeqs(keys: ReadonlyArray<readonly [Uint8Array, Uint8Array]>): Promise<Map<string, number>> {
    const rows = await this.rows<{ space_id: Uint8Array; doc_id: Uint8Array; seq: number }>('documentSeqs', [
      keys.map((k) => k[0]),
      keys.map((k) => k[1]),
    ]);
    return new Map(rows.map((r) => [toHex(r.space_id) + toHex(r.doc_id), r.seq]));
  }

  /** Membership seq of each listed space that exists (key: space hex). */
  async spaceSeqs(spaceIds: readonly Uint8Array[]): Promise<Map<string, number>> {
    const rows = await this.rows<{ space_id: Uint8Array; seq: number }>('spaceSeqs', [spaceIds]);
    return new Map(rows.map((r) => [toHex(r.space_id), r.seq]));
  }

  /** R67: sets the document's stored bytes from the frames it still holds; run after any prune. */
  async recountStoredBytes(spaceId: Uint8Array, docId: Uint8Array): Promise<void> {
    await this.rows('recountStoredBytes', [spaceId, docId]);
  }

  /** R67: bytes of frames the space stores (membership log, snapshots, updates) and the document's. */
  async storedBytes(spaceId: Uint8Array, docId: Uint8Array): Promise<StoredBytes> {
    const [row] = await this.rows<{ space: number | string; document: number | string }>('storedBytes', [
      spaceId,
      docId,
    ]);
    return { space: Number(row?.space ?? 0), document: Number(row?.document ?? 0) };
  }

  /** R68: whether the identity is a member of any space on this relay. */
  async isMemberAnywhere(identity: Uint8Array): Promise<boolean> {
    return (await this.rows('isMemberAnywhere', [identity])).length > 0;
  }

  async ping(): Promise<boolean> {
    const [row] = await this.rows<{ ok: number }>('ping', []);
    return row?.ok === 1;
  }
}

interface AccessRow {
  seq: number;
  epoch: number;
  role: number | null;
  invite_role: number | null;
  expires_at: number | null;
}

function toHead(row: DocumentRow): DocumentHead {
  return {
    snapshotId: row.snapshot_id,
    height: row.height,
    proof: row.proof,
    frameHash: row.frame_hash,
    tailCount: row.tail_count,
    tailBytes: row.tail_bytes,
    seq: row.seq,
  };
}

function splitHead(
  rows: Array<{ part: number; seq: number; frame: Uint8Array | null }>,
  none: number,
): CommittedFrames {
  let headSeq = none;
  const frames: CommittedFrames['frames'] = [];
  for (const r of rows) {
    if (r.part === 0) headSeq = r.seq;
    else frames.push({ seq: r.seq, frame: r.frame! });
  }
  return { headSeq, frames };
}
