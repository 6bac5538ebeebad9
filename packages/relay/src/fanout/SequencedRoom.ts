import type { LiveFrame } from '../hub/LiveFrame.js';
import type { Peer } from '../hub/Peer.js';
import type { CommittedFrames } from './CommitLog.js';

/** A committed frame waiting for its turn. */
export interface SequencedEntry {
  frame: LiveFrame;
  /** The connection that sent it, when it was committed on this instance (it gets an ACK instead). */
  origin: Peer | null;
  /** Membership entries committed here: who lost access (elsewhere it is read from the entry). */
  lostAccess?: readonly string[];
}

/** Options of {@link SequencedRoom}. */
export interface SequencedRoomOptions {
  /** Seq of the last frame the room's connections already hold (the baseline read at creation). */
  cursor: number;
  /** Hands one frame to the room's connections on this instance. */
  deliver(entry: SequencedEntry): void;
  /** Frames committed after a seq and the head's seq, from durable storage. */
  fetch(afterSeq: number): Promise<CommittedFrames>;
  /** Turns a stored frame into an entry (throws on a frame that does not parse). */
  entryOf(raw: Uint8Array): SequencedEntry;
  /** Runs a catch-up where it cannot interleave with a local commit and its publish (the write queue). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** How long a gap may stay open (a message still on its way) before storage is read. */
  gapWaitMs: number;
  onError(error: unknown): void;
}

/**
 * Delivers the committed frames of one document (or one space's membership log) on one
 * instance in commit order. Frames arrive from local commits and from other instances, in any
 * order and possibly twice; each has the seq its transaction assigned. The room hands out
 * seq = cursor + 1 as soon as it has it, holds later ones, and when a gap stays open for
 * `gapWaitMs` (a publisher died after COMMIT, Redis dropped a message) or is reported by a
 * poll or a reference message, reads the missing frames from storage. Frames storage pruned
 * meanwhile (R28) are skipped: the snapshot that follows them holds their content.
 */
export class SequencedRoom {
  private cursor: number;
  private known: number;
  private readonly pending = new Map<number, SequencedEntry>();
  private timer: NodeJS.Timeout | null = null;
  private catching: Promise<void> | null = null;
  private disposed = false;

  constructor(private readonly o: SequencedRoomOptions) {
    this.cursor = o.cursor;
    this.known = o.cursor;
  }

  /** Seq of the last frame delivered. */
  get position(): number {
    return this.cursor;
  }

  /** Frames held while waiting for an earlier one. */
  get waiting(): number {
    return this.pending.size;
  }

  /** A committed frame, from this instance or another; duplicates and old frames are ignored. */
  offer(seq: number, entry: SequencedEntry): void {
    if (this.disposed || seq <= this.cursor || this.pending.has(seq)) return;
    this.pending.set(seq, entry);
    if (seq > this.known) this.known = seq;
    this.drain();
  }

  /** Storage or a message says `seq` is committed: fetch it after `waitMs` unless it arrives. */
  noteCommitted(seq: number, waitMs = this.o.gapWaitMs): void {
    if (seq > this.known) this.known = seq;
    if (this.known > this.cursor) this.arm(waitMs);
  }

  /** Resolves once every frame up to `seq` (known to be committed) has been delivered. */
  async reach(seq: number): Promise<void> {
    if (seq > this.known) this.known = seq;
    // A catch-up already running may have read storage before `seq` was committed: go again.
    for (let attempt = 0; this.cursor < seq && !this.disposed; attempt++) {
      if (attempt === 3) throw new Error(`commit ${seq} is not readable from storage`);
      await this.catchUp();
    }
  }

  /** Reads what is missing from storage now (one at a time). */
  catchUp(): Promise<void> {
    this.catching ??= this.o
      .exclusive(() => this.fill())
      .finally(() => {
        this.catching = null;
      });
    return this.catching;
  }

  /** Stops timers and drops held frames (the room has no connection left). */
  dispose(): void {
    this.disposed = true;
    this.disarm();
    this.pending.clear();
  }

  private drain(): void {
    for (let next = this.pending.get(this.cursor + 1); next; next = this.pending.get(this.cursor + 1)) {
      this.pending.delete(this.cursor + 1);
      this.cursor += 1;
      this.o.deliver(next);
    }
    if (this.known > this.cursor) this.arm(this.o.gapWaitMs);
    else this.disarm();
  }

  private arm(ms: number): void {
    if (this.disposed) return;
    if (this.timer && ms > 0) return;
    this.disarm();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.catchUp().catch((e: unknown) => this.o.onError(e));
    }, ms);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async fill(): Promise<void> {
    if (this.disposed || this.known <= this.cursor) return;
    const { headSeq, frames } = await this.o.fetch(this.cursor);
    if (this.disposed) return;
    for (const f of frames) {
      if (f.seq <= this.cursor || this.pending.has(f.seq)) continue;
      try {
        this.pending.set(f.seq, this.o.entryOf(f.frame));
      } catch (e) {
        this.o.onError(e);
      }
    }
    // Storage has everything up to headSeq: what is not there was pruned and is not needed.
    const ready = [...this.pending.keys()].filter((s) => s <= headSeq).sort((a, b) => a - b);
    for (const seq of ready) {
      const entry = this.pending.get(seq)!;
      this.pending.delete(seq);
      this.cursor = seq;
      this.o.deliver(entry);
    }
    if (headSeq > this.cursor) this.cursor = headSeq;
    if (headSeq > this.known) this.known = headSeq;
    this.drain();
  }
}
