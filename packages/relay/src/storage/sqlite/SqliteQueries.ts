import type { Database, Statement } from 'better-sqlite3';
import { fromHex, Role, toHex, type AuthorClock, type PendingInvite } from '@trame/protocol';
import { emptyDocumentHead } from '../../documents/emptyDocumentHead.js';
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
import { ExternalFrames, type FrameColumns } from './ExternalFrames.js';
import { prepareSqliteStatements } from './prepareSqliteStatements.js';

const EMPTY = new Uint8Array(0);

interface SpaceRow {
  seq: number;
  head_hash: Uint8Array;
  epoch: number;
}

interface DocumentRow {
  snapshot_id: Uint8Array;
  height: number;
  proof: Uint8Array;
  frame_hash: Uint8Array;
  tail_count: number;
  tail_bytes: number;
}

/**
 * Prepared statements of the SQLite adapter, as small synchronous methods. They only read
 * and write rows; callers hold the transaction.
 */
export class SqliteQueries {
  private readonly s: Record<string, Statement>;
  /** R78: wrap secrets were deleted since the last {@link takeWrapsDeleted}: purge the WAL. */
  private wrapsDeleted = false;

  constructor(
    private readonly db: Database,
    /** ADR 0009: large frames kept in the frames file (none for `:memory:`). */
    readonly frames: ExternalFrames = new ExternalFrames(null),
  ) {
    this.s = prepareSqliteStatements(db);
  }

  private q(name: string): Statement {
    const st = this.s[name];
    if (!st) throw new Error(`no statement ${name}`);
    return st;
  }

  space(spaceId: Uint8Array): SpaceRecord | null {
    const row = this.q('space').get(spaceId) as SpaceRow | undefined;
    if (!row) return null;
    const members = new Map<string, Role>();
    for (const m of this.q('members').all(spaceId) as Array<{ identity: Uint8Array; role: Role }>) {
      members.set(toHex(m.identity), m.role);
    }
    const invites = new Map<string, PendingInvite>();
    for (const i of this.q('invites').all(spaceId) as Array<{
      identity: Uint8Array;
      role: Role;
      expires_at: number;
    }>) {
      invites.set(toHex(i.identity), { role: i.role, expiresAt: i.expires_at });
    }
    return { spaceId, seq: row.seq, headHash: row.head_hash, epoch: row.epoch, members, invites };
  }

  access(spaceId: Uint8Array, identity: Uint8Array): SpaceAccess | null {
    const row = this.q('space').get(spaceId) as SpaceRow | undefined;
    if (!row) return null;
    const member = this.q('member').get(spaceId, identity) as { role: Role } | undefined;
    const invite = this.q('invite').get(spaceId, identity) as { role: Role; expires_at: number } | undefined;
    return {
      seq: row.seq,
      epoch: row.epoch,
      role: member?.role ?? Role.None,
      invite: invite ? { role: invite.role, expiresAt: invite.expires_at } : null,
    };
  }

  entry(spaceId: Uint8Array, seq: number): Uint8Array | null {
    const row = this.q('entry').get(spaceId, seq) as { frame: Uint8Array } | undefined;
    return row?.frame ?? null;
  }

  /** R61: membership entries with `after < seq <= upTo`, in order, stepping only until `maxBytes` are read. */
  entriesPage(spaceId: Uint8Array, after: number, upTo: number, maxBytes: number): TailRow[] {
    const rows: TailRow[] = [];
    let bytes = 0;
    for (const r of this.q('entriesPage').iterate(spaceId, after, upTo) as IterableIterator<{
      seq: number;
      frame: Uint8Array;
    }>) {
      rows.push({ position: r.seq, frame: r.frame });
      bytes += r.frame.length;
      if (bytes >= maxBytes) break;
    }
    return rows;
  }

  appendEntry(spaceId: Uint8Array, w: MembershipWrite): void {
    if (w.seq === 0) this.q('insertSpace').run(spaceId, w.seq, w.hash, w.epoch);
    else if (this.q('updateSpace').run(w.seq, w.hash, w.epoch, spaceId).changes !== 1) {
      throw new Error('membership entry for a space that does not exist');
    }
    this.q('insertEntry').run(spaceId, w.seq, w.frame, w.hash);
    this.q('addLogBytes').run(w.frame.length, spaceId);
    for (const [id, role] of w.setMembers) this.q('upsertMember').run(spaceId, fromHex(id), role);
    for (const id of w.deleteMembers) this.q('deleteMember').run(spaceId, fromHex(id));
    for (const [id, inv] of w.setInvites) this.q('upsertInvite').run(spaceId, fromHex(id), inv.role, inv.expiresAt);
    for (const id of w.deleteInvites) this.q('deleteInvite').run(spaceId, fromHex(id));
    for (const { identity, seq, wrap, expiresAt } of w.inviteWraps ?? []) {
      this.q('insertInviteWrap').run(spaceId, fromHex(identity), seq, wrap, expiresAt);
    }
    if (w.deleteInvites.length > 0) {
      this.securely(() =>
        w.deleteInvites.reduce((n, id) => n + this.q('deleteInviteWrap').run(spaceId, fromHex(id)).changes, 0),
      );
    }
  }

  /** R75: the wrap secrets of a pending invite identity still stored, by entry seq. */
  inviteWraps(spaceId: Uint8Array, identity: Uint8Array): Array<{ seq: number; wrap: Uint8Array }> {
    return this.q('inviteWraps').all(spaceId, identity) as Array<{ seq: number; wrap: Uint8Array }>;
  }

  /** R78: deletes the wrap secrets of invites expired before `nowSeconds`. */
  deleteExpiredInviteWraps(nowSeconds: number): number {
    return this.securely(() => this.q('deleteExpiredInviteWraps').run(nowSeconds).changes);
  }

  /**
   * R78: runs deletions with `secure_delete` on, so SQLite overwrites the deleted cells with
   * zeros instead of leaving them in the page (off otherwise: pruning tails need not pay it).
   */
  private securely(deleteRows: () => number): number {
    this.db.pragma('secure_delete = ON');
    try {
      const deleted = deleteRows();
      if (deleted > 0) this.wrapsDeleted = true;
      return deleted;
    } finally {
      this.db.pragma('secure_delete = OFF');
    }
  }

  /** Whether wrap secrets were deleted since the last call (then the WAL must be purged). */
  takeWrapsDeleted(): boolean {
    const was = this.wrapsDeleted;
    this.wrapsDeleted = false;
    return was;
  }

  head(spaceId: Uint8Array, docId: Uint8Array): DocumentHead {
    const row = this.q('document').get(spaceId, docId) as DocumentRow | undefined;
    if (!row) return emptyDocumentHead();
    return {
      snapshotId: row.snapshot_id,
      height: row.height,
      proof: row.proof,
      frameHash: row.frame_hash,
      tailCount: row.tail_count,
      tailBytes: row.tail_bytes,
    };
  }

  private saveHead(spaceId: Uint8Array, docId: Uint8Array, h: DocumentHead, exists: boolean): void {
    if (exists) {
      this.q('updateDocument').run(
        h.snapshotId,
        h.height,
        h.proof,
        h.frameHash,
        h.tailCount,
        h.tailBytes,
        spaceId,
        docId,
      );
    } else {
      this.q('insertDocument').run(
        spaceId,
        docId,
        h.snapshotId,
        h.height,
        h.proof,
        h.frameHash,
        h.tailCount,
        h.tailBytes,
      );
    }
  }

  private documentExists(spaceId: Uint8Array, docId: Uint8Array): boolean {
    return this.q('document').get(spaceId, docId) !== undefined;
  }

  lastClock(spaceId: Uint8Array, docId: Uint8Array, snapshotId: Uint8Array, author: Uint8Array): number {
    const row = this.q('lastClock').get(spaceId, docId, snapshotId, author) as { clock: number | null };
    return row.clock ?? 0;
  }

  findUpdate(
    spaceId: Uint8Array,
    docId: Uint8Array,
    snapshotId: Uint8Array,
    author: Uint8Array,
    clock: number,
  ): Uint8Array | null {
    const row = this.q('findUpdate').get(spaceId, docId, snapshotId, author, clock) as FrameColumns | undefined;
    return row ? this.frames.read(row) : null;
  }

  tailClocks(spaceId: Uint8Array, docId: Uint8Array, snapshotId: Uint8Array): AuthorClock[] {
    return (this.q('tailClocks').all(spaceId, docId, snapshotId) as Array<{ author: Uint8Array; clock: number }>).map(
      (r) => ({ author: r.author, clock: r.clock }),
    );
  }

  /** Number of updates on a snapshot and the rowid of its last one (0 if none). */
  tailBound(spaceId: Uint8Array, docId: Uint8Array, snapshotId: Uint8Array): { count: number; upTo: number } {
    const row = this.q('tailBound').get(spaceId, docId, snapshotId) as { count: number; up_to: number };
    return { count: row.count, upTo: row.up_to };
  }

  /** R48: the rowid of the update `offset` rows past `after` on a snapshot (index only), or null. */
  tailSeek(
    spaceId: Uint8Array,
    docId: Uint8Array,
    snapshotId: Uint8Array,
    after: number,
    upTo: number,
    offset: number,
  ): number | null {
    const row = this.q('tailSeek').get(spaceId, docId, snapshotId, after, upTo, offset) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /**
   * The updates on a snapshot with `after < rowid <= upTo`, in order, stepping the statement
   * only until `maxBytes` are read (R61): the rest of the tail is never loaded.
   */
  tailPage(
    spaceId: Uint8Array,
    docId: Uint8Array,
    snapshotId: Uint8Array,
    after: number,
    upTo: number,
    maxBytes: number,
  ): TailRow[] {
    const rows: TailRow[] = [];
    let bytes = 0;
    for (const r of this.q('tailPage').iterate(spaceId, docId, snapshotId, after, upTo) as IterableIterator<
      FrameColumns & { id: number }
    >) {
      const frame = this.frames.read(r);
      rows.push({ position: r.id, frame });
      bytes += frame.length;
      // Leaving the loop resets the statement: nothing past this row is read.
      if (bytes >= maxBytes) break;
    }
    return rows;
  }

  appendUpdate(spaceId: Uint8Array, docId: Uint8Array, w: UpdateWrite): DocumentHead {
    const exists = this.documentExists(spaceId, docId);
    const head = this.head(spaceId, docId);
    const next = { ...head, tailCount: head.tailCount + 1, tailBytes: head.tailBytes + w.frame.length };
    this.saveHead(spaceId, docId, next, exists);
    this.insertFrame('insertUpdate', [spaceId, docId, w.snapshotId, w.author, w.clock], w.frame);
    this.q('addStoredBytes').run(w.frame.length, spaceId, docId);
    return next;
  }

  findSnapshot(spaceId: Uint8Array, docId: Uint8Array, snapshotId: Uint8Array): Uint8Array | null {
    const row = this.q('findSnapshot').get(spaceId, docId, snapshotId) as FrameColumns | undefined;
    return row ? this.frames.read(row) : null;
  }

  appendSnapshot(spaceId: Uint8Array, docId: Uint8Array, w: SnapshotWrite): DocumentHead {
    const exists = this.documentExists(spaceId, docId);
    const next: DocumentHead = {
      snapshotId: w.snapshotId,
      height: w.height,
      proof: w.proof,
      frameHash: w.frameHash,
      tailCount: 0,
      tailBytes: 0,
    };
    this.saveHead(spaceId, docId, next, exists);
    this.insertFrame('insertSnapshot', [spaceId, docId, w.snapshotId, w.parentId, w.height], w.frame);
    // R28: keep the new snapshot and its parent (with the parent's tail) so that a client
    // re-sending an update it had no ACK for still gets DUPLICATE after a compaction (R21).
    // R28 keeps the parent and its tail; R73 (a move to a newer key epoch) keeps neither.
    const keep = w.pruneParent ? w.snapshotId : w.parentId;
    for (const st of ['prunedUpdateRefs', 'prunedSnapshotRefs']) {
      this.frames.prunedRefs(this.q(st).pluck().all(spaceId, docId, keep, w.snapshotId) as number[]);
    }
    this.q('pruneUpdates').run(spaceId, docId, keep, w.snapshotId);
    this.q('pruneSnapshots').run(spaceId, docId, keep, w.snapshotId);
    this.recountStoredBytes(spaceId, docId);
    return next;
  }

  /**
   * Inserts a frame row: `frame` inline, or (ADR 0009) an empty `frame` with its frames-file
   * reference and size when it was staged there before this transaction.
   */
  private insertFrame(statement: string, columns: unknown[], frame: Uint8Array): void {
    const ref = this.frames.refOf(frame);
    if (ref === null) this.q(statement).run(...columns, frame, null, null);
    else this.q(statement).run(...columns, EMPTY, ref, frame.length);
  }

  /**
   * R67: sets the document's stored bytes from the frames it still holds. Run after anything
   * that deletes snapshots or updates (pruning), so the space's total stays exact.
   */
  recountStoredBytes(spaceId: Uint8Array, docId: Uint8Array): void {
    this.q('recountStoredBytes').run({ space: spaceId, doc: docId });
  }

  /** R67: bytes of frames the space stores (membership log, snapshots, updates) and the document's. */
  storedBytes(spaceId: Uint8Array, docId: Uint8Array): StoredBytes {
    return this.q('storedBytes').get({ space: spaceId, doc: docId }) as StoredBytes;
  }

  /** R68: whether the identity is a member of any space on this relay. */
  isMemberAnywhere(identity: Uint8Array): boolean {
    return this.q('isMemberAnywhere').get(identity) !== undefined;
  }

  ping(): boolean {
    return (this.q('ping').get() as { ok: number }).ok === 1;
  }
}
