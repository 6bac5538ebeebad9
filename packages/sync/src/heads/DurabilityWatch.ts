import { TrameError } from '@trame/protocol';
import type { DocumentHeads, HeadStore } from './HeadStore.js';

export interface DurabilityWatchOptions {
  headStore: HeadStore;
  /** Where the durable heads of the document are kept (R42). */
  durableKey: string;
  /** Where the seen heads are kept (R55). */
  seenKey: string;
  /** R56: longest wait for DURABLE after a forwarded frame. */
  boundMs: number;
  /** Where this client stands now (null: it holds nothing). */
  heads: () => DocumentHeads | null;
  report: (e: TrameError) => void;
}

/**
 * The two heads of one document (R55): "seen", recorded at every frame applied, and "durable"
 * (R42), recorded only at DURABLE (R47); and R56's watch: a forwarded frame not followed by
 * DURABLE within the bound is reported (`DURABLE_MISSING`).
 */
export class DurabilityWatch {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly o: DurabilityWatchOptions) {}

  /** R42: the heads recorded as durable. */
  get durable(): DocumentHeads | undefined {
    return this.o.headStore.get(this.o.durableKey);
  }

  /** R55: the heads recorded as seen. */
  get seen(): DocumentHeads | undefined {
    return this.o.headStore.get(this.o.seenKey);
  }

  /** R55: records what this client has seen, durable or not. */
  saveSeen(): void {
    const heads = this.o.heads();
    if (heads) this.o.headStore.set(this.o.seenKey, heads);
  }

  /** R56: a forwarded frame was applied; DURABLE must follow within the bound. */
  forwarded(): void {
    this.saveSeen();
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.o.report(
        new TrameError('DURABLE_MISSING', `no DURABLE from the relay within ${this.o.boundMs} ms of a forwarded frame`),
      );
    }, this.o.boundMs);
  }

  /** R47: DURABLE arrived (or the connection ended): nothing waits for it any more. */
  durableSeen(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** R42/R47: what the relay sent so far is durable: it may now bound a rollback. */
  saveDurable(): void {
    const heads = this.o.heads();
    if (heads) this.o.headStore.set(this.o.durableKey, heads);
  }
}
