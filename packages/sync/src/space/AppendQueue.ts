import { FrameKind, TrameError, type AckFrame, type ErrorFrame } from '@trame/protocol';
import { signMembershipEntry, type Identity } from '@trame/crypto';
import type { EntryDraft } from './entryDrafts.js';
import type { SpaceState } from './SpaceState.js';
import { wrapInviteBundles } from './wrapInviteBundles.js';

interface PendingAppend {
  /** Signed entry, or empty until `draft` is built and signed on top of the head at send time. */
  raw: Uint8Array;
  /** R75: frames sent just before the entry, every time it is sent (its INVITE_WRAPs, R76). */
  prefaces?: Uint8Array[];
  seq: number;
  draft?: EntryDraft;
  attempts?: number;
  /** seq the entry lost a race at (MEMBERSHIP_CHAIN): rebuilt once the head moved past it. */
  lostAt?: number;
  resolve: (raw: Uint8Array) => void;
  reject: (e: TrameError) => void;
}

/** Where entries go: a ready space connection. */
export interface EntrySink {
  send(frame: Uint8Array): void;
}

export interface AppendQueueOptions {
  state: SpaceState;
  identity: Identity;
  /** The space connection when it delivered the log (READY) and may take entries, else null. */
  sink: () => EntrySink | null;
}

/**
 * The membership entries a space session appends, one at a time: each waits for its ACK before
 * the next goes. Entries given as drafts are signed on the head as it is when they are sent (so
 * they chain, R31), and one that loses a race to another animateur (MEMBERSHIP_CHAIN) is rebuilt
 * on the new head once it is here, never re-signed as it was (R70). After a reconnection the
 * unacknowledged entry is sent again unchanged (R21).
 */
export class AppendQueue {
  private queue: PendingAppend[] = [];
  private inflight: PendingAppend | null = null;
  private raceTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly o: AppendQueueOptions) {}

  /** An entry waits for its ACK. */
  get busy(): boolean {
    return this.inflight !== null;
  }

  /** Appends the entry `draft` builds on the head at send time; resolves with it once stored. */
  appendNext(draft: EntryDraft): Promise<Uint8Array> {
    // Entries chain on the head as it is when they are sent, so they are signed lazily in order.
    return new Promise((resolve, reject) => {
      this.queue.push({ raw: new Uint8Array(0), seq: -1, draft, resolve, reject });
      this.pump();
    });
  }

  /** Appends an entry already signed at `seq`. */
  append(raw: Uint8Array, seq: number): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ raw, seq, resolve, reject });
      this.pump();
    });
  }

  /** The verified head moved: an entry that lost a race waits for that (R70). */
  headMoved(): void {
    if (this.queue[0]?.lostAt !== undefined) this.pump();
  }

  /** The connection delivered the log: the unacknowledged entry goes again unchanged, or the next. */
  ready(sink: EntrySink): void {
    if (this.inflight) {
      // R21: resend unchanged; the relay acknowledges a duplicate without storing it twice.
      for (const p of this.inflight.prefaces ?? []) sink.send(p);
      sink.send(this.inflight.raw);
    } else this.pump();
  }

  /** An ACK: settles the in-flight entry when it is its. */
  onAck(f: AckFrame): void {
    if (f.ackedKind !== FrameKind.Membership || !this.inflight || f.number !== this.inflight.seq) return;
    const done = this.inflight;
    this.inflight = null;
    try {
      this.o.state.apply(done.raw);
      done.resolve(done.raw);
    } catch (e) {
      done.reject(e as TrameError);
    }
    this.pump();
  }

  /** An ERROR (`err`, decoded): whether it refused the in-flight entry (then handled here). */
  onError(f: ErrorFrame, err: TrameError): boolean {
    if (!this.inflight || (f.refKind !== FrameKind.Membership && f.refKind !== 0)) return false;
    const failed = this.inflight;
    this.inflight = null;
    if (err.code === 'MEMBERSHIP_CHAIN' && failed.draft && (failed.attempts ?? 0) < 5) {
      // Another animateur appended first: rebuild the entry on their head once it is here
      // (R70: a ROTATE draws its member set and key again; nothing is re-signed as it was).
      failed.attempts = (failed.attempts ?? 0) + 1;
      failed.lostAt = failed.seq;
      this.queue.unshift(failed);
    } else failed.reject(err);
    this.pump();
    return true;
  }

  /** Rejects every entry not stored yet. */
  failAll(err: TrameError): void {
    if (this.inflight) this.inflight.reject(err);
    this.inflight = null;
    for (const p of this.queue.splice(0)) p.reject(err);
  }

  destroy(): void {
    if (this.raceTimer) clearTimeout(this.raceTimer);
  }

  private pump(): void {
    const sink = this.o.sink();
    if (this.inflight || !sink) return;
    const next = this.queue[0];
    if (!next) return;
    const state = this.o.state;
    if (next.lostAt !== undefined && state.seq < next.lostAt) {
      // R70: the entry that won the race has not reached us yet; headMoved() pumps again.
      this.raceTimer ??= setTimeout(() => {
        // Not here after 500 ms: try on what we hold (a MEMBERSHIP_CHAIN again brings us back).
        this.raceTimer = null;
        next.lostAt = undefined;
        this.pump();
      }, 500);
      return;
    }
    this.queue.shift();
    if (next.draft) {
      next.seq = state.seq + 1;
      next.lostAt = undefined;
      const drafted = next.draft(state, next.seq);
      if (!drafted) {
        // Nothing left to do on this head (the member was removed by someone else meanwhile).
        next.resolve(new Uint8Array(0));
        this.pump();
        return;
      }
      // R76: bundles sealed to invite identities are wrapped; their secrets go to the relay first.
      const { fields, prefaces } = wrapInviteBundles(drafted, state, next.seq);
      next.prefaces = prefaces;
      next.raw = signMembershipEntry(
        {
          ...fields,
          spaceId: state.spaceId,
          seq: next.seq,
          prevHash: state.headHash,
          signer: this.o.identity.publicKey,
        },
        this.o.identity,
      );
    }
    this.inflight = next;
    for (const p of next.prefaces ?? []) sink.send(p);
    sink.send(next.raw);
  }
}
