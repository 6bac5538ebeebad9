import type { AuthorClock, PendingInvite, Role } from '@trame/protocol';
import type { HistoryStore } from '../history/HistoryStore.js';

/**
 * What the relay persists for a space: the head of its membership log and the fold's
 * result (members, pending invites), kept in step with the log by {@link SpaceTransaction.append}.
 * Identity keys are lower-case hex of the Ed25519 public key.
 */
export interface SpaceRecord {
  spaceId: Uint8Array;
  /** seq of the last entry (0 after genesis). */
  seq: number;
  /** SHA-256 of the last entry's whole frame. */
  headHash: Uint8Array;
  epoch: number;
  members: ReadonlyMap<string, Role>;
  invites: ReadonlyMap<string, PendingInvite>;
}

/** What one identity may do in a space, read at AUTH and inside every document write. */
export interface SpaceAccess {
  /** seq of the last membership entry. */
  seq: number;
  epoch: number;
  /** `Role.None` (0) when the identity is not a member. */
  role: Role;
  /** Set when the identity is a pending invite identity (R35). */
  invite: PendingInvite | null;
}

/** One accepted membership entry and the changes it makes to the folded state. */
export interface MembershipWrite {
  seq: number;
  /** The entry exactly as received. */
  frame: Uint8Array;
  /** SHA-256 of `frame`: the next entry's prevHash. */
  hash: Uint8Array;
  /** Space epoch after the entry. */
  epoch: number;
  /** Members added or whose role changed (hex identity → role). */
  setMembers: ReadonlyArray<readonly [string, Role]>;
  /** Members removed (hex identity). */
  deleteMembers: readonly string[];
  setInvites: ReadonlyArray<readonly [string, PendingInvite]>;
  /** Invites that end (accepted or revoked): their wrap secrets are deleted with them (R78). */
  deleteInvites: readonly string[];
  /** MEMBERSHIP-3 (R75): wrap secrets of the bundles this entry seals to invite identities. */
  inviteWraps?: readonly InviteWrapRecord[];
}

/** R75: a wrap secret of a pending invite; the relay hands it only to the invite identity. */
export interface InviteWrapRecord {
  /** Hex of the invite identity. */
  identity: string;
  /** seq of the entry whose bundle it wraps (the INVITE, or a later ROTATE). */
  seq: number;
  wrap: Uint8Array;
  /** The invite's expiry (unix seconds, 0 = never): the secret is deleted then (R78). */
  expiresAt: number;
}

/** Read and write primitives on one space, valid only inside {@link RelayStorage.withSpace}. */
export interface SpaceTransaction {
  /** The space, or null before its genesis entry. */
  load(): Promise<SpaceRecord | null>;
  /** The stored entry with this seq, as received. */
  entry(seq: number): Promise<Uint8Array | null>;
  /** Stores an entry (creating the space for seq 0) and applies its state changes. */
  append(write: MembershipWrite): Promise<void>;
}

/**
 * The latest point of a document's history. A document nothing was written to has the empty
 * head: zero snapshot id, height 0, zero proof and frame hash, an empty tail.
 */
export interface DocumentHead {
  snapshotId: Uint8Array;
  height: number;
  /** Proof carried by the latest snapshot (R24). */
  proof: Uint8Array;
  /** SHA-256 of the latest snapshot's whole frame. */
  frameHash: Uint8Array;
  /** Updates stored on the latest snapshot. */
  tailCount: number;
  /** Sum of their frame sizes. */
  tailBytes: number;
  /**
   * Commit sequence of the document's last accepted UPDATE or SNAPSHOT (1, 2, 3…), assigned in
   * the write's transaction. Set by adapters shared by several relay instances (PostgreSQL) so
   * that their fan-out can deliver frames in commit order and fill gaps; absent otherwise.
   */
  seq?: number;
}

/** R67: bytes of frames stored (as received), counted by the storage. */
export interface StoredBytes {
  /** The space's membership log and every document's snapshots and updates. */
  space: number;
  /** This document's snapshots and updates (0 before its first write). */
  document: number;
}

/** An UPDATE to store on the document's latest snapshot. */
export interface UpdateWrite {
  snapshotId: Uint8Array;
  author: Uint8Array;
  clock: number;
  frame: Uint8Array;
}

/** A SNAPSHOT that becomes the document's latest one. */
export interface SnapshotWrite {
  snapshotId: Uint8Array;
  parentId: Uint8Array;
  height: number;
  proof: Uint8Array;
  frameHash: Uint8Array;
  frame: Uint8Array;
  /**
   * R73: the snapshot moves the document to a newer key epoch: prune its parent and the
   * parent's tail too (only the new snapshot stays).
   */
  pruneParent?: boolean;
}

/**
 * Read and write primitives on one document, valid only inside
 * {@link RelayStorage.withDocument}. They decide nothing: the relay's shared checks
 * (`checkUpdate`, `checkSnapshot`) do, so every adapter enforces the same rules.
 */
export interface DocumentTransaction {
  /** The identity's access to the document's space, read in this transaction (R33). */
  access(identity: Uint8Array): Promise<SpaceAccess | null>;
  head(): Promise<DocumentHead>;
  /** Highest clock stored for (snapshot, author), 0 if none (R20). */
  lastClock(snapshotId: Uint8Array, author: Uint8Array): Promise<number>;
  /** The stored UPDATE with this (snapshot, author, clock), as received (R21). */
  findUpdate(snapshotId: Uint8Array, author: Uint8Array, clock: number): Promise<Uint8Array | null>;
  /** The stored SNAPSHOT with this id, as received (R26). */
  findSnapshot(snapshotId: Uint8Array): Promise<Uint8Array | null>;
  /** Highest clock of every author with updates on this snapshot (R25). */
  tailClocks(snapshotId: Uint8Array): Promise<AuthorClock[]>;
  /** R67: bytes of frames stored now by the document's space and by the document, read in this transaction. */
  storedBytes(): Promise<StoredBytes>;
  /** Stores an update on the latest snapshot; returns the new head. */
  appendUpdate(write: UpdateWrite): Promise<DocumentHead>;
  /**
   * Makes a snapshot the latest one (empty tail) and may prune older snapshots and tails
   * (R28); adapters keep at least the parent and its tail. Returns the new head.
   */
  appendSnapshot(write: SnapshotWrite): Promise<DocumentHead>;
}

/** What a connection receives after AUTH (R13), read in one consistent view. */
export interface InitialStateQuery {
  spaceId: Uint8Array;
  /** null for a space-level connection (membership only). */
  docId: Uint8Array | null;
  identity: Uint8Array;
  /** Send membership entries with a seq above this one (-1: all). */
  afterSeq: number;
  /** The client already holds this snapshot: do not load its frame. */
  knownSnapshotId: Uint8Array;
  /** Also read the latest snapshot's parent and its tail (R53). */
  withParent?: boolean;
  /**
   * R61: bytes a tail cursor reads from storage per page (one frame more when a single frame is
   * larger). Default {@link DEFAULT_PAGE_BYTES}.
   */
  pageBytes?: number;
}

/** Page size of tail cursors when the query does not set one. */
export const DEFAULT_PAGE_BYTES = 256 * 1024;

/**
 * A stored tail read a page at a time, in acceptance order (R61): what the storage holds in
 * memory for a loading connection is one page, whatever the tail's size. The cursor covers the
 * tail as it was at the {@link RelayStorage.initialState} read (later updates are not in it:
 * they reach the connection through its live queue, R13). It holds no transaction or pooled
 * connection between pages, so a client that reads slowly holds nothing in storage.
 */
export interface FrameCursor {
  /** Updates in the cursor, known at the read. */
  readonly count: number;
  /**
   * The next frames (at most `pageBytes` together, or one larger frame); empty once all were
   * read. Throws `TrameError('SLOW_READER')` when frames of the cursor were pruned meanwhile (two
   * compactions while the client was reading): the client reconnects and reads the new state.
   */
  next(): Promise<Uint8Array[]>;
  /**
   * Moves past the next `frames` frames without reading them (R48: what a reconnecting client
   * holds already). Throws like {@link next} when they were pruned.
   */
  skip(frames: number): Promise<void>;
}

export interface InitialState {
  /** The identity's access at the time of the read; null if the space vanished. */
  access: SpaceAccess | null;
  /** Membership entries with seq > afterSeq up to `access.seq`, in seq order, read page by page (R61). */
  membership: FrameCursor;
  head: DocumentHead;
  /** The latest snapshot frame; null when there is none or the client holds it. */
  snapshot: Uint8Array | null;
  /** Every update on the latest snapshot, in acceptance order, read page by page (R61). */
  tail: FrameCursor;
  /** Highest clock per author in `tail`. */
  tailClocks: AuthorClock[];
  /** With `withParent`: the latest snapshot's parent frame and its tail, when still stored (R53). */
  parent?: { snapshot: Uint8Array | null; tail: FrameCursor } | null;
  /** R75: for a pending invite identity, its wrap secrets by entry seq (none once deleted). */
  inviteWraps?: Array<{ seq: number; wrap: Uint8Array }>;
}

/** Health as reported by `GET /health`. */
export interface StorageHealth {
  ok: boolean;
  kind: string;
  [key: string]: unknown;
}

/** A frame written ahead of its transaction (ADR 0009); see {@link RelayStorage.stageFrame}. */
export interface StagedFrame {
  /** The write is over (committed, rejected or failed): drops the frame unless a committed row took it. */
  release(): void;
}

/**
 * Persistence of the relay: spaces and their membership log, documents, snapshots and tails.
 * All methods are async so that networked adapters (PostgreSQL with row locks) fit. Any
 * thrown error that is not a `TrameError` means "storage unavailable" (R29): nothing is
 * acknowledged. `withSpace` and `withDocument` must run `fn` in one transaction that commits
 * durably before resolving, and roll back if `fn` throws; transactions on the same space or
 * document must not interleave (row lock, or serialize).
 */
export interface RelayStorage {
  /** Adapter name shown in health checks, e.g. `sqlite`. */
  readonly kind: string;
  /** HISTORY-1/3 (schema 4): encrypted versions, kept apart from snapshots; absent: no history. */
  readonly history?: HistoryStore;
  /** The identity's access to a space; null when the space does not exist. */
  access(spaceId: Uint8Array, identity: Uint8Array): Promise<SpaceAccess | null>;
  initialState(query: InitialStateQuery): Promise<InitialState>;
  /** R68: whether the identity is a member of any space this relay holds. */
  memberOfAnySpace(identity: Uint8Array): Promise<boolean>;
  withSpace<T>(spaceId: Uint8Array, fn: (tx: SpaceTransaction) => Promise<T>): Promise<T>;
  withDocument<T>(spaceId: Uint8Array, docId: Uint8Array, fn: (tx: DocumentTransaction) => Promise<T>): Promise<T>;
  /**
   * Optional pipelined form of {@link withDocument} for adapters whose commit and sync are
   * separate (SQLite group commit, ADR 0002): resolves at COMMIT, with `durable` resolving once
   * the commit is on disk. The relay then checks the document's next frame while this one is
   * being synced, and acknowledges and forwards in commit order only once durable.
   */
  commitDocument?<T>(
    spaceId: Uint8Array,
    docId: Uint8Array,
    fn: (tx: DocumentTransaction) => Promise<T>,
  ): Promise<{ value: T; durable: Promise<void> }>;
  /**
   * Optional (ADR 0009): an adapter that keeps large frames apart from its log writes them here,
   * durably, before the transaction whose `appendUpdate`/`appendSnapshot` receives this very
   * array; null when it keeps this frame inline. The caller releases it once its write is over.
   */
  stageFrame?(frame: Uint8Array): Promise<StagedFrame | null>;
  health(): Promise<StorageHealth>;
  /**
   * R78 (MEMBERSHIP-3): deletes the wrap secrets of invites expired at `nowSeconds`, so that a
   * copy of the storage taken afterwards holds none; returns how many were deleted.
   */
  dropExpiredInviteWraps?(nowSeconds: number): Promise<number>;
  /** Waits for running transactions, then releases resources. */
  close(): Promise<void>;
}
