import type {
  DocumentTransaction,
  InitialState,
  InitialStateQuery,
  RelayStorage,
  SpaceAccess,
  SpaceTransaction,
  StorageHealth,
} from '../storage/RelayStorage.js';

/**
 * Wraps a storage for tests: while `failing` is set every call throws like a lost database
 * would, and hooks can hold an initial-state read to stage races.
 */
export class FlakyStorage implements RelayStorage {
  failing = false;
  /** Fail only when committing (after the checks ran), to prove nothing is acknowledged. */
  failOnCommit = false;
  /** Awaited right before and right after the read of an initial state (R13 race tests). */
  initialStateHooks: { before?: () => Promise<void>; after?: () => Promise<void> } = {};

  constructor(readonly inner: RelayStorage) {}

  get kind(): string {
    return this.inner.kind;
  }

  private gate(): void {
    if (this.failing) throw new Error('disk I/O error');
  }

  async access(spaceId: Uint8Array, identity: Uint8Array): Promise<SpaceAccess | null> {
    this.gate();
    return this.inner.access(spaceId, identity);
  }

  async initialState(query: InitialStateQuery): Promise<InitialState> {
    this.gate();
    await this.initialStateHooks.before?.();
    const state = await this.inner.initialState(query);
    await this.initialStateHooks.after?.();
    return state;
  }

  async memberOfAnySpace(identity: Uint8Array): Promise<boolean> {
    this.gate();
    return this.inner.memberOfAnySpace(identity);
  }

  async withSpace<T>(spaceId: Uint8Array, fn: (tx: SpaceTransaction) => Promise<T>): Promise<T> {
    this.gate();
    return this.inner.withSpace(spaceId, async (tx) => {
      const result = await fn(tx);
      if (this.failOnCommit) throw new Error('disk full');
      return result;
    });
  }

  async withDocument<T>(
    spaceId: Uint8Array,
    docId: Uint8Array,
    fn: (tx: DocumentTransaction) => Promise<T>,
  ): Promise<T> {
    this.gate();
    return this.inner.withDocument(spaceId, docId, async (tx) => {
      const result = await fn(tx);
      if (this.failOnCommit) throw new Error('disk full');
      return result;
    });
  }

  async health(): Promise<StorageHealth> {
    if (this.failing) return { ok: false, kind: this.kind, error: 'disk I/O error' };
    return this.inner.health();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
