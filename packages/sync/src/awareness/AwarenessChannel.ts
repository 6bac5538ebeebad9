import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { encodeEphemeralHeader, toHex, TrameError, type EphemeralFrame, type MembershipView } from '@trame/protocol';
import { openContentFrame, sealContentFrame, type Identity } from '@trame/crypto';
import type { SpaceState } from '../space/SpaceState.js';
import { announcesNewPeer } from './announcesNewPeer.js';
import { filterAwarenessUpdate } from './filterAwarenessUpdate.js';
import { isRepeatedAwareness } from './isRepeatedAwareness.js';
import { checkEphemeralSequence } from './checkEphemeralSequence.js';

const MESSAGE_AWARENESS = 1;
const AWARENESS_MIN_INTERVAL_MS = 40;
/** Answering a newcomer waits 50-250 ms: one announcement for a burst of arrivals. */
const ANNOUNCE_MIN_DELAY_MS = 50;
const ANNOUNCE_JITTER_MS = 200;

export interface AwarenessChannelOptions {
  identity: Identity;
  space: SpaceState;
  docId: Uint8Array;
  awareness: Awareness;
  /** The author's membership view put in every frame (MEMBERSHIP-8). */
  membershipView: () => MembershipView;
  /** Sends a frame to the relay. */
  send: (frame: Uint8Array) => void;
  /** Whether a frame could be sent now (connected, initial state applied). */
  canSend: () => boolean;
  /** Hands a y-websocket awareness message to the provider. */
  deliver: (message: Uint8Array) => void;
  report: (e: TrameError) => void;
}

/**
 * The awareness (carets, presence) of one document over EPHEMERAL frames: throttles and signs
 * the local state, verifies and filters the others' (R40, R44, R48).
 */
export class AwarenessChannel {
  private readonly owners = new Map<number, string>();
  private sequence = 0;
  /** R58: highest sequence accepted per `author:clientId`. */
  private readonly sequences = new Map<string, number>();
  private last: { payload: Uint8Array; at: number } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private announceTimer: ReturnType<typeof setTimeout> | null = null;
  /** The next frame goes out even if unchanged (R48's repeat rule does not apply). */
  private forceNext = false;

  constructor(private readonly o: AwarenessChannelOptions) {}

  /**
   * Sends the local state, at most one frame per 40 ms (cursor moves come in bursts). `force`
   * sends it even if unchanged: after a (re)load, whose peers may all have dropped our state,
   * and to answer a newcomer.
   */
  send(force = false): void {
    if (force) this.forceNext = true;
    if (!this.o.canSend()) return;
    const now = Date.now();
    const wait = (this.last?.at ?? 0) + AWARENESS_MIN_INTERVAL_MS - now;
    if (wait > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.send();
      }, wait);
      return;
    }
    const { space, awareness: aw, docId, identity } = this.o;
    const epoch = space.epoch;
    if (!space.hasKey(epoch) || space.myRole === 0) return;
    const payload = encodeAwarenessUpdate(aw, [aw.clientID]);
    const forced = this.forceNext;
    this.forceNext = false;
    if (!forced && isRepeatedAwareness(this.last, payload, now)) return;
    this.last = { payload, at: now };
    const header = encodeEphemeralHeader({
      spaceId: space.spaceId,
      docId,
      epoch,
      author: identity.publicKey,
      sequence: ++this.sequence,
      ...this.o.membershipView(),
    });
    this.o.send(sealContentFrame(header, space.docKey(epoch, docId), payload, identity));
  }

  /**
   * R40, then R58 (not a replay), R39a (the author's view of the log agrees with ours), then
   * R44: keep only the entries the author may speak for.
   */
  receive(f: EphemeralFrame): void {
    const author = toHex(f.author);
    const { space, docId } = this.o;
    if (author === space.selfId || space.roleOf(author) === 0) return;
    let plain: Uint8Array;
    try {
      plain = openContentFrame(f, space.docKey(f.epoch, docId));
    } catch (e) {
      this.o.report(e as TrameError);
      return;
    }
    // Client ids met before this frame (the filter records new ones), across reconnects.
    const seen = new Set(this.owners.keys());
    let filtered;
    try {
      const replay = checkEphemeralSequence(this.sequences, author, f.sequence, plain);
      if (replay) return this.o.report(replay);
      const fork = space.checkView(f);
      if (fork) this.o.report(fork);
      filtered = filterAwarenessUpdate(plain, author, this.owners, this.o.awareness.clientID);
    } catch {
      this.o.report(new TrameError('AWARENESS_FORGED', 'unreadable awareness update'));
      return;
    }
    if (filtered.dropped > 0) {
      this.o.report(
        new TrameError(
          'AWARENESS_FORGED',
          `${filtered.dropped} awareness entries not signed by their identity were ignored`,
        ),
      );
    }
    if (filtered.update) {
      // MINUTES-2: nobody else tells a newcomer who is already here, however idle.
      const newcomer = announcesNewPeer(filtered.update, seen);
      if (newcomer) this.announceSoon();
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(enc, filtered.update);
      this.o.deliver(encoding.toUint8Array(enc));
    }
  }

  /** Announces the local state again shortly (once for a burst of newcomers). */
  private announceSoon(): void {
    this.announceTimer ??= setTimeout(
      () => {
        this.announceTimer = null;
        this.send(true);
      },
      ANNOUNCE_MIN_DELAY_MS + Math.random() * ANNOUNCE_JITTER_MS,
    );
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.announceTimer) clearTimeout(this.announceTimer);
    this.timer = null;
    this.announceTimer = null;
  }
}
