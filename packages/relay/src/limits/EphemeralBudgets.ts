import { TokenBucket } from './TokenBucket.js';

/** R63: what one identity may send as awareness in one document. */
export interface EphemeralBudgetLimits {
  /** EPHEMERAL frames per second per identity and document (clients send at most 25). */
  ephemeralPerSecond: number;
  ephemeralBurst: number;
  /** EPHEMERAL bytes per second per identity and document. */
  ephemeralBytesPerSecond: number;
  ephemeralBytesBurst: number;
}

interface Budget {
  frames: TokenBucket;
  bytes: TokenBucket;
  /** Connections of this identity on this document using the budget. */
  users: number;
}

/**
 * Awareness budgets shared by every connection of one identity on one document (R63): a
 * flooder cannot multiply its rate by opening more sockets, and what its peers receive from
 * it is bounded whatever it sends. A budget lives while a connection uses it.
 */
export class EphemeralBudgets {
  private readonly budgets = new Map<string, Budget>();

  constructor(
    private readonly limits: EphemeralBudgetLimits,
    private readonly now?: () => number,
  ) {}

  /** A connection of `key` (identity and document) starts using its budget. */
  acquire(key: string): void {
    const budget = this.budgets.get(key);
    if (budget) {
      budget.users += 1;
      return;
    }
    const l = this.limits;
    this.budgets.set(key, {
      frames: new TokenBucket(l.ephemeralPerSecond, l.ephemeralBurst, this.now),
      bytes: new TokenBucket(l.ephemeralBytesPerSecond, l.ephemeralBytesBurst, this.now),
      users: 1,
    });
  }

  /** A connection of `key` is gone. */
  release(key: string): void {
    const budget = this.budgets.get(key);
    if (!budget) return;
    budget.users -= 1;
    if (budget.users <= 0) this.budgets.delete(key);
  }

  /** Whether a frame of `bytes` fits the budget of `key` now (it is then spent). */
  take(key: string, bytes: number): boolean {
    const budget = this.budgets.get(key);
    if (!budget) return false;
    if (budget.frames.level() < 1 || budget.bytes.level() < bytes) return false;
    budget.frames.take();
    budget.bytes.takeMany(bytes);
    return true;
  }

  /** Budgets in use, for /metrics. */
  size(): number {
    return this.budgets.size;
  }
}
