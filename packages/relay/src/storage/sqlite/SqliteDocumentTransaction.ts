import type { AuthorClock } from '@trame/protocol';
import type {
  DocumentHead,
  DocumentTransaction,
  SnapshotWrite,
  SpaceAccess,
  StoredBytes,
  UpdateWrite,
} from '../RelayStorage.js';
import type { SqliteQueries } from './SqliteQueries.js';

/** {@link DocumentTransaction} over an open SQLite transaction. */
export class SqliteDocumentTransaction implements DocumentTransaction {
  constructor(
    private readonly q: SqliteQueries,
    private readonly spaceId: Uint8Array,
    private readonly docId: Uint8Array,
  ) {}

  async access(identity: Uint8Array): Promise<SpaceAccess | null> {
    return this.q.access(this.spaceId, identity);
  }

  async head(): Promise<DocumentHead> {
    return this.q.head(this.spaceId, this.docId);
  }

  async lastClock(snapshotId: Uint8Array, author: Uint8Array): Promise<number> {
    return this.q.lastClock(this.spaceId, this.docId, snapshotId, author);
  }

  async findUpdate(snapshotId: Uint8Array, author: Uint8Array, clock: number): Promise<Uint8Array | null> {
    return this.q.findUpdate(this.spaceId, this.docId, snapshotId, author, clock);
  }

  async findSnapshot(snapshotId: Uint8Array): Promise<Uint8Array | null> {
    return this.q.findSnapshot(this.spaceId, this.docId, snapshotId);
  }

  async tailClocks(snapshotId: Uint8Array): Promise<AuthorClock[]> {
    return this.q.tailClocks(this.spaceId, this.docId, snapshotId);
  }

  async storedBytes(): Promise<StoredBytes> {
    return this.q.storedBytes(this.spaceId, this.docId);
  }

  async appendUpdate(write: UpdateWrite): Promise<DocumentHead> {
    return this.q.appendUpdate(this.spaceId, this.docId, write);
  }

  async appendSnapshot(write: SnapshotWrite): Promise<DocumentHead> {
    return this.q.appendSnapshot(this.spaceId, this.docId, write);
  }
}
