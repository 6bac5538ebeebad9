import type { AuthorClock } from '@trame/protocol';
import type {
  DocumentHead,
  DocumentTransaction,
  SnapshotWrite,
  SpaceAccess,
  StoredBytes,
  UpdateWrite,
} from '../RelayStorage.js';
import type { PostgresQueries } from './PostgresQueries.js';

/** {@link DocumentTransaction} over an open PostgreSQL transaction holding the document's lock. */
export class PostgresDocumentTransaction implements DocumentTransaction {
  constructor(
    private readonly q: PostgresQueries,
    private readonly spaceId: Uint8Array,
    private readonly docId: Uint8Array,
  ) {}

  // R33: the share lock on the space row makes a membership change on another instance wait
  // for this write (and this write wait for it), so a role is never read half-way through one.
  access(identity: Uint8Array): Promise<SpaceAccess | null> {
    return this.q.access(this.spaceId, identity, true);
  }

  head(): Promise<DocumentHead> {
    return this.q.head(this.spaceId, this.docId);
  }

  storedBytes(): Promise<StoredBytes> {
    return this.q.storedBytes(this.spaceId, this.docId);
  }

  lastClock(snapshotId: Uint8Array, author: Uint8Array): Promise<number> {
    return this.q.lastClock(this.spaceId, this.docId, snapshotId, author);
  }

  findUpdate(snapshotId: Uint8Array, author: Uint8Array, clock: number): Promise<Uint8Array | null> {
    return this.q.findUpdate(this.spaceId, this.docId, snapshotId, author, clock);
  }

  findSnapshot(snapshotId: Uint8Array): Promise<Uint8Array | null> {
    return this.q.findSnapshot(this.spaceId, this.docId, snapshotId);
  }

  tailClocks(snapshotId: Uint8Array): Promise<AuthorClock[]> {
    return this.q.tailClocks(this.spaceId, this.docId, snapshotId);
  }

  appendUpdate(write: UpdateWrite): Promise<DocumentHead> {
    return this.q.appendUpdate(this.spaceId, this.docId, write);
  }

  appendSnapshot(write: SnapshotWrite): Promise<DocumentHead> {
    return this.q.appendSnapshot(this.spaceId, this.docId, write);
  }
}
