/**
 * Runs async tasks one at a time in all, taking turns between keys (R66): the next task is the
 * oldest one of the key after the one that ran last, round-robin, so a key with a thousand
 * tasks waiting delays another key's task by at most one task per other busy key, never by
 * its whole backlog. Tasks of one key run in submission order. SQLite's one connection keys it
 * by space: a space's writes never wait behind another space's queue.
 */
export class FairSerialQueue {
  // Keys with waiting tasks, in turn order (a Map keeps insertion order).
  private readonly waiting = new Map<string, Array<() => void>>();
  private running = false;
  private idleWaiters: Array<() => void> = [];

  /** Queues `task` under `key`; resolves with its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        task()
          .then(resolve, reject)
          .finally(() => {
            this.running = false;
            this.pump();
          });
      };
      const list = this.waiting.get(key);
      if (list) list.push(start);
      else this.waiting.set(key, [start]);
      this.pump();
    });
  }

  /** Tasks waiting to run (not counting the running one). */
  get pending(): number {
    let n = 0;
    for (const list of this.waiting.values()) n += list.length;
    return n;
  }

  /** Resolves once nothing runs or waits. */
  idle(): Promise<void> {
    if (!this.running && this.waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.entries().next();
    if (next.done) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
      return;
    }
    const [key, list] = next.value;
    const start = list.shift()!;
    // This key goes to the back of the turn order; dropped when it has nothing left.
    this.waiting.delete(key);
    if (list.length > 0) this.waiting.set(key, list);
    this.running = true;
    start();
  }
}
