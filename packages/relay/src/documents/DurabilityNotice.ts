import { encodeDurable } from '@trame/protocol';

/** The connections a notice goes to: those of one document, ready for live frames. */
export type DurablePeers = (roomKey: string) => Iterable<{ sendDurable(raw: Uint8Array): void }>;

interface RoomState {
  /** Frames forwarded at COMMIT whose sync has not returned yet. */
  pending: number;
  lastSentAt: number;
  timer: ReturnType<typeof setTimeout> | null;
}

const DURABLE = encodeDurable();

/**
 * R47: frames are forwarded as soon as they are committed (a relay crash keeps them; only a
 * power cut before the sync could lose them), so clients must not treat them as durable
 * until told. When nothing forwarded in a document is waiting for its sync any more, its
 * connections get DURABLE: "every frame sent to you before this one is durable". At most one
 * per `minIntervalMs` per document, so it costs a few frames a second however fast people type.
 */
export class DurabilityNotice {
  private readonly rooms = new Map<string, RoomState>();

  constructor(
    private readonly peersOf: DurablePeers,
    private readonly minIntervalMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A frame committed but not yet synced is about to be forwarded in `roomKey`. */
  forwarded(roomKey: string): void {
    this.room(roomKey).pending += 1;
  }

  /** One frame counted by {@link forwarded} is durable now. */
  synced(roomKey: string): void {
    const r = this.rooms.get(roomKey);
    if (!r) return;
    r.pending = Math.max(0, r.pending - 1);
    if (r.pending === 0) this.schedule(roomKey, r);
  }

  /** A frame that was durable before it was forwarded (PostgreSQL, another instance) went out. */
  delivered(roomKey: string): void {
    const r = this.room(roomKey);
    if (r.pending === 0) this.schedule(roomKey, r);
  }

  /** Whether everything forwarded in the room so far is durable (a joining connection's state). */
  isDurable(roomKey: string): boolean {
    return (this.rooms.get(roomKey)?.pending ?? 0) === 0;
  }

  /** The DURABLE frame, for a connection whose initial state is durable. */
  get frame(): Uint8Array {
    return DURABLE;
  }

  /** Stops pending timers (relay shutdown). */
  close(): void {
    for (const r of this.rooms.values()) if (r.timer) clearTimeout(r.timer);
    this.rooms.clear();
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  private room(roomKey: string): RoomState {
    let r = this.rooms.get(roomKey);
    if (!r) this.rooms.set(roomKey, (r = { pending: 0, lastSentAt: -Infinity, timer: null }));
    return r;
  }

  private schedule(roomKey: string, r: RoomState): void {
    if (r.timer) return;
    const wait = r.lastSentAt + this.minIntervalMs - this.now();
    if (wait <= 0) return this.send(roomKey, r);
    r.timer = setTimeout(() => {
      r.timer = null;
      // New frames forwarded meanwhile: their sync will schedule the next notice.
      if (r.pending === 0) this.send(roomKey, r);
    }, wait);
    r.timer.unref?.();
  }

  private send(roomKey: string, r: RoomState): void {
    r.lastSentAt = this.now();
    for (const peer of this.peersOf(roomKey)) peer.sendDurable(DURABLE);
    this.sweepSoon();
  }

  private sweeper: ReturnType<typeof setInterval> | null = null;

  // Rooms quiet for a while are forgotten (their throttle has long expired), so that the map
  // does not grow with every document ever written.
  private sweepSoon(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      const cutoff = this.now() - 10 * this.minIntervalMs;
      for (const [key, r] of this.rooms)
        if (r.pending === 0 && !r.timer && r.lastSentAt < cutoff) this.rooms.delete(key);
      if (this.rooms.size === 0 && this.sweeper) {
        clearInterval(this.sweeper);
        this.sweeper = null;
      }
    }, 30_000);
    this.sweeper.unref?.();
  }
}
