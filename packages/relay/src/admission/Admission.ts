import { TokenBucket } from '../limits/TokenBucket.js';

/** Limits applied at upgrade, before a socket exists (R60). */
export interface AdmissionLimits {
  /** Websocket connections of the whole relay; keeps file descriptors for `/health` and storage. */
  maxConnections: number;
  /** Connections not yet known as members (handshake, GENESIS wait), relay-wide. */
  maxPendingConnections: number;
  /** Open connections per client address. */
  maxConnectionsPerAddress: number;
  /** Upgrades per second per client address (token bucket refill) and its burst. */
  handshakesPerSecondPerAddress: number;
  handshakeBurstPerAddress: number;
}

/** Why an upgrade is refused: an HTTP status and a reason a person can read. */
export interface Refusal {
  status: 429 | 503;
  reason: string;
  /** Seconds, for `Retry-After`. */
  retryAfter: number;
}

/** A pending connection the admission may close to make room (R60). */
export interface Evictable {
  evict(): void;
}

interface AddressState {
  open: number;
  bucket: TokenBucket;
}

/**
 * Counts connections per client address and in total, and decides at upgrade whether one
 * more may open (R60). A connection is `pending` from its upgrade until the relay knows it as
 * a member (or it closes): pending ones are capped below the total so that anonymous sockets
 * can never take the last places from members.
 */
export class Admission {
  private readonly addresses = new Map<string, AddressState>();
  private total = 0;
  private pendingCount = 0;
  /** Pending connections in the order they opened: the oldest is evicted first. */
  private readonly pendingQueue = new Set<Evictable>();

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Refusal for one more upgrade from `address`, or null and the connection is counted.
   * A null address (loopback with no trusted header) is under the relay-wide caps only.
   */
  admit(address: string | null): Refusal | null {
    if (this.total >= this.limits.maxConnections) {
      return { status: 503, reason: 'relay full, retry later', retryAfter: 10 };
    }
    if (this.pendingCount >= this.limits.maxPendingConnections) {
      // The oldest handshake makes room: a flood of idle handshakes cannot keep a member's
      // new connection out, since each one now lives only until the next arrivals.
      const oldest = this.pendingQueue.values().next().value;
      if (oldest) {
        this.pendingQueue.delete(oldest);
        oldest.evict();
      }
      if (this.pendingCount >= this.limits.maxPendingConnections) {
        return { status: 503, reason: 'too many connections being opened, retry later', retryAfter: 5 };
      }
    }
    if (address === null) {
      this.total += 1;
      this.pendingCount += 1;
      return null;
    }
    let state = this.addresses.get(address);
    if (!state) {
      state = {
        open: 0,
        bucket: new TokenBucket(
          this.limits.handshakesPerSecondPerAddress,
          this.limits.handshakeBurstPerAddress,
          this.now,
        ),
      };
      this.addresses.set(address, state);
    }
    if (state.open >= this.limits.maxConnectionsPerAddress) {
      return { status: 429, reason: 'too many connections from this address', retryAfter: 10 };
    }
    if (!state.bucket.take())
      return { status: 429, reason: 'too many connections opened from this address, slow down', retryAfter: 2 };
    state.open += 1;
    this.total += 1;
    this.pendingCount += 1;
    return null;
  }

  /** A pending connection's socket exists: it may be evicted from now on. */
  opened(conn: Evictable): void {
    this.pendingQueue.add(conn);
  }

  /** The connection is known as a member: it no longer counts as pending. */
  member(conn: Evictable): void {
    this.pendingQueue.delete(conn);
    this.pendingCount -= 1;
  }

  /** The connection closed; `wasPending` when it never became a member. */
  release(address: string | null, wasPending: boolean, conn?: Evictable): void {
    if (conn) this.pendingQueue.delete(conn);
    this.total -= 1;
    if (wasPending) this.pendingCount -= 1;
    const state = address === null ? undefined : this.addresses.get(address);
    if (state) state.open -= 1;
  }

  /** Forgets addresses with no connection and a full bucket (called periodically). */
  sweep(): void {
    for (const [address, state] of this.addresses) {
      if (state.open === 0 && state.bucket.level() >= this.limits.handshakeBurstPerAddress)
        this.addresses.delete(address);
    }
  }

  /** Open and pending connections, for /metrics. */
  counts(): { open: number; pending: number; addresses: number } {
    return { open: this.total, pending: this.pendingCount, addresses: this.addresses.size };
  }
}
