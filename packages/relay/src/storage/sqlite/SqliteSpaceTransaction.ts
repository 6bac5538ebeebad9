import type { MembershipWrite, SpaceRecord, SpaceTransaction } from '../RelayStorage.js';
import type { SqliteQueries } from './SqliteQueries.js';

/** {@link SpaceTransaction} over an open SQLite transaction. */
export class SqliteSpaceTransaction implements SpaceTransaction {
  constructor(
    private readonly q: SqliteQueries,
    private readonly spaceId: Uint8Array,
  ) {}

  async load(): Promise<SpaceRecord | null> {
    return this.q.space(this.spaceId);
  }

  async entry(seq: number): Promise<Uint8Array | null> {
    return this.q.entry(this.spaceId, seq);
  }

  async append(write: MembershipWrite): Promise<void> {
    this.q.appendEntry(this.spaceId, write);
  }
}
