import type { MembershipWrite, SpaceRecord, SpaceTransaction } from '../RelayStorage.js';
import type { PostgresQueries } from './PostgresQueries.js';

/** {@link SpaceTransaction} over an open PostgreSQL transaction holding the space's lock. */
export class PostgresSpaceTransaction implements SpaceTransaction {
  constructor(
    private readonly q: PostgresQueries,
    private readonly spaceId: Uint8Array,
  ) {}

  load(): Promise<SpaceRecord | null> {
    return this.q.space(this.spaceId);
  }

  entry(seq: number): Promise<Uint8Array | null> {
    return this.q.entry(this.spaceId, seq);
  }

  append(write: MembershipWrite): Promise<void> {
    return this.q.appendEntry(this.spaceId, write);
  }
}
