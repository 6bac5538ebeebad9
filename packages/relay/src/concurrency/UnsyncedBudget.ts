/**
 * R66: bytes each space has committed that no disk sync has covered yet. A space at its budget
 * waits for its earlier commits to be durable before it commits more, so that one sync of the
 * shared WAL carries at most about `maxBytes` of any one space (or one larger frame): another
 * space's acknowledgement waits for a sync of bounded size, not for a space's whole burst.
 */
export class UnsyncedBudget {
  private readonly keys = new Map<string, { bytes: number; drained: Array<() => void> }>();

  constructor(private readonly maxBytes: number) {}

  /** Resolves once `key` has less than the budget unsynced. */
  async wait(key: string): Promise<void> {
    for (;;) {
      const entry = this.keys.get(key);
      if (!entry || entry.bytes < this.maxBytes) return;
      await new Promise<void>((resolve) => entry.drained.push(resolve));
    }
  }

  /** Counts `bytes` committed under `key` until `durable` settles. */
  add(key: string, bytes: number, durable: Promise<void>): void {
    if (bytes <= 0) return;
    let entry = this.keys.get(key);
    if (!entry) {
      entry = { bytes: 0, drained: [] };
      this.keys.set(key, entry);
    }
    entry.bytes += bytes;
    const settle = (): void => {
      entry.bytes -= bytes;
      const waiters = entry.drained.splice(0);
      if (entry.bytes <= 0 && this.keys.get(key) === entry) this.keys.delete(key);
      for (const w of waiters) w();
    };
    durable.then(settle, settle);
  }

  /** Bytes unsynced under `key`. */
  pending(key: string): number {
    return this.keys.get(key)?.bytes ?? 0;
  }
}
