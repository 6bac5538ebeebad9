/**
 * Runs async tasks one at a time per key, in submission order. The relay keys it by document
 * (and by space for membership) so that check + write + broadcast of one frame can never
 * interleave with another frame of the same document inside this process (R27, R29).
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Queues `task` behind every task already queued under `key`; resolves with its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    void settled.then(() => {
      // Forget idle keys so that the map does not grow with every document ever opened.
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return result;
  }

  /** Number of keys with queued or running tasks. */
  get size(): number {
    return this.tails.size;
  }

  /** Resolves once every task queued so far (and any queued meanwhile) has settled. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
