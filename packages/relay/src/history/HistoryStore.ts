import type { RetentionPolicy } from '@trame/protocol';

/** What the relay knows of a stored version without reading it: id, time, size, named (HISTORY-3). */
export interface VersionStamp {
  versionId: Uint8Array;
  /** Relay clock (ms) when the version was stored. */
  storedAt: number;
  /** Bytes of the record (head and encrypted state). */
  size: number;
  /** R109: a name record was stored for it; never cleared, never thinned. */
  named: boolean;
}

/** A stored version as served (R107, R109). */
export interface StoredVersion extends VersionStamp {
  author: Uint8Array;
  /** The record without its state ciphertext (PROTOCOL.md §10.2). */
  head: Uint8Array;
  /** The encrypted state; omitted in listings. */
  state: Uint8Array | null;
  /** The latest name record, if named. */
  name: Uint8Array | null;
}

/** A version to insert. */
export interface VersionWrite {
  versionId: Uint8Array;
  author: Uint8Array;
  storedAt: number;
  head: Uint8Array;
  state: Uint8Array;
}

/**
 * Reads and writes of one space's version history inside one transaction (schema 4). The
 * relay's pure checks decide; these only move rows. Version ids are unique per document.
 */
export interface HistoryTransaction {
  /** Every version of a document, oldest first, without heads or states. */
  stamps(docId: Uint8Array): Promise<VersionStamp[]>;
  /** Every version of a document with its head and name, newest first (no state). */
  list(docId: Uint8Array): Promise<StoredVersion[]>;
  /** One version with its state, or null. */
  find(docId: Uint8Array, versionId: Uint8Array): Promise<StoredVersion | null>;
  insert(docId: Uint8Array, v: VersionWrite): Promise<void>;
  /** Deletes versions (thinning, R112). */
  remove(docId: Uint8Array, versionIds: readonly Uint8Array[]): Promise<void>;
  /** Stores a name record and sets the version's named flag (R109). */
  setName(docId: Uint8Array, versionId: Uint8Array, nameRecord: Uint8Array): Promise<void>;
  /** Documents of the space that have versions. */
  documents(): Promise<Uint8Array[]>;
  /** Bytes of every version the space keeps (R110). */
  spaceBytes(): Promise<number>;
  /** The space's retention policy, or null for the default (R111). */
  retention(): Promise<RetentionPolicy | null>;
  setRetention(policy: RetentionPolicy): Promise<void>;
}

/** Version history storage of a relay (schema 4): SQLite and PostgreSQL implement it. */
export interface HistoryStore {
  /** Runs `fn` in one transaction on the space's history; commits durably before resolving. */
  withHistory<T>(spaceId: Uint8Array, fn: (tx: HistoryTransaction) => Promise<T>): Promise<T>;
}
