import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ObservableV2 } from 'lib0/observable';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import {
  bytesEqual,
  CloseCode,
  encodeEphemeralHeader,
  encodeSnapshotHeader,
  encodeUpdateHeader,
  errorCodeFromNumber,
  FrameKind,
  fromHex,
  isTrameError,
  isZero,
  LIMITS,
  shouldRetryClose,
  toHex,
  TrameError,
  ZERO_ID,
  type AckFrame,
  type EphemeralFrame,
  type ErrorFrame,
  type Frame,
  type ReadyFrame,
  type SnapshotFrame,
  type UpdateFrame,
} from '@trame/protocol';
import { openContentFrame, randomBytes, sealContentFrame, sha256, snapshotProof, type Identity } from '@trame/crypto';
import { RelayConnection } from '../connection/RelayConnection.js';
import type { WebSocketConstructor } from '../connection/WebSocketLike.js';
import { filterAwarenessUpdate } from '../awareness/filterAwarenessUpdate.js';
import type { HeadStore } from '../heads/HeadStore.js';
import { UPDATE_MIN_INTERVAL_MS } from './updateMinIntervalMs.js';
import type { SpaceState } from '../space/SpaceState.js';
import type { TransportEnd } from './createTransportClass.js';

/** Where a document stands, for the status line. */
export type DocumentStatus = 'connecting' | 'saved' | 'saving' | 'offline' | 'error';

export interface CompactionPolicy {
  afterUpdates: number;
  afterBytes: number;
}

export interface DocumentEngineOptions {
  relayUrl: string;
  identity: Identity;
  space: SpaceState;
  docId: Uint8Array;
  awareness: Awareness;
  headStore: HeadStore;
  WebSocketImpl: WebSocketConstructor;
  compaction?: CompactionPolicy;
  /** Least time between two content frames (default 16 ms); 0 for trusted bulk writers. */
  minUpdateIntervalMs?: number;
}

type EngineEvents = {
  status: (status: DocumentStatus) => void;
  error: (error: TrameError) => void;
  /** An ACK arrived and nothing is waiting to be sent. */
  saved: () => void;
  /** Counts of frames received from the relay, for tests and diagnostics. */
  frame: (kind: number, bytes: number) => void;
};

interface SnapshotHead {
  id: Uint8Array;
  height: number;
  proof: Uint8Array;
  frameHash: Uint8Array;
}

interface InflightUpdate {
  kind: 'update';
  frame: Uint8Array;
  snapshotId: Uint8Array;
  clock: number;
  content: Uint8Array;
}

interface InflightSnapshot {
  kind: 'snapshot';
  frame: Uint8Array;
  head: SnapshotHead;
  /** Local edits published inside this snapshot (too large for an UPDATE). */
  includes: Uint8Array[];
}

const LOCAL = Symbol('trame-local');
const REMOTE = Symbol('trame-remote');
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
/** Room left in an UPDATE frame for its header, nonce, tag and signature. */
const UPDATE_OVERHEAD = 1024;
const AWARENESS_MIN_INTERVAL_MS = 40;
// Within this time an unchanged awareness state is not sent again (peers keep states 30 s).
const AWARENESS_RESEND_AFTER_MS = 15_000;

/** Local close code for a verification failure: final, so the provider stops reconnecting. */
const CLOSE_VERIFICATION_FAILED = CloseCode.ProtocolError;
/** Local close code asking the provider to reconnect and reload the state. */
const CLOSE_RESYNC = 4520;

/**
 * The client side of one document: it holds the relay connection and plays, for y-websocket's
 * provider, the server side of the y-websocket protocol (docs/adr/0001-encrypting-transport.md).
 * It keeps a shadow Y.Doc of everything the relay has or will receive from us, turns the
 * provider's updates into signed, encrypted UPDATEs (one in flight at a time, later edits
 * coalesced: R45), verifies and decrypts what the relay serves (R40-R43), and compacts (R46).
 */
export class DocumentEngine extends ObservableV2<EngineEvents> {
  private readonly shadow = new Y.Doc();
  private readonly meHex: string;
  private readonly headKey: string;
  private readonly compaction: CompactionPolicy;
  private current: SnapshotHead | null = null;
  private clocks = new Map<string, number>();
  private pending: Uint8Array[] = [];
  private inflight: InflightUpdate | InflightSnapshot | null = null;
  private transport: TransportEnd | null = null;
  private conn: RelayConnection | null = null;
  /** The initial state being received, and what the HELLO said this client holds (R48). */
  private loading: {
    snapshot: SnapshotFrame | null;
    updates: UpdateFrame[];
    knownSnapshotId: Uint8Array;
    knownTailCount: number;
  } | null = null;
  private loaded = false;
  private readonly awarenessOwners = new Map<number, string>();
  private ephemeralSequence = 0;
  private lastAwarenessSent = 0;
  private lastAwarenessPayload: Uint8Array | null = null;
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private lastContentSent = 0;
  private fatal: TrameError | null = null;
  private status: DocumentStatus = 'connecting';
  private destroyed = false;

  constructor(private readonly o: DocumentEngineOptions) {
    super();
    this.meHex = toHex(o.identity.publicKey);
    this.headKey = `${o.space.spaceIdHex}:${toHex(o.docId)}`;
    this.compaction = o.compaction ?? { afterUpdates: LIMITS.compactAfterUpdates, afterBytes: LIMITS.compactAfterBytes };
  }

  get currentStatus(): DocumentStatus {
    return this.status;
  }

  /** Local edits not yet acknowledged by the relay. */
  get hasUnsavedChanges(): boolean {
    return this.pending.length > 0 || this.inflight !== null;
  }

  get canWrite(): boolean {
    return this.o.space.canWrite();
  }

  /** The latest snapshot this client holds, hex (empty before the first). */
  get snapshotIdHex(): string {
    return this.current ? toHex(this.current.id) : '';
  }

  // ---- transport side (called by the provider's polyfill instances) ----

  attach(t: TransportEnd): void {
    if (this.destroyed) return;
    if (this.fatal) {
      t.markClosed(CLOSE_VERIFICATION_FAILED, this.fatal.code);
      return;
    }
    this.transport = t;
    this.connect();
  }

  detach(t: TransportEnd): void {
    if (t !== this.transport) return;
    this.transport = null;
    const conn = this.conn;
    this.conn = null;
    this.loading = null;
    this.loaded = false;
    conn?.close(1000, 'provider closed');
    this.setStatus(this.fatal ? 'error' : 'offline');
  }

  fromProvider(t: TransportEnd, message: Uint8Array): void {
    if (t !== this.transport || !this.loaded) return;
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEP1) {
        // Answer as the server would: what the provider lacks of the relay's state.
        t.deliver(syncMessage(SYNC_STEP2, Y.encodeStateAsUpdate(this.shadow, payload)));
      } else if (step === SYNC_STEP2 || step === SYNC_UPDATE) {
        this.applyLocal(payload);
      }
    } else if (type === MESSAGE_AWARENESS) {
      // The reference server echoes awareness to its sender; the provider relies on it to
      // know the connection is alive (its 30 s watchdog).
      queueMicrotask(() => t.deliver(message));
      this.sendAwareness();
    }
  }

  // ---- relay side ----

  private connect(): void {
    const knownSnapshotId = this.current?.id ?? ZERO_ID;
    // R48: by R41 this client holds clocks 1..c of every author on its snapshot, and (R47:
    // forwards in commit order, own clocks counted at their ACK) they include the relay's
    // first Σc updates of that tail, so the relay may skip those.
    let knownTailCount = 0;
    for (const c of this.clocks.values()) knownTailCount += c;
    this.loading = { snapshot: null, updates: [], knownSnapshotId, knownTailCount };
    this.loaded = false;
    const conn: RelayConnection = new RelayConnection({
      url: this.o.relayUrl,
      identity: this.o.identity,
      spaceId: this.o.space.spaceId,
      docId: this.o.docId,
      knownMembershipSeq: this.o.space.seq,
      knownSnapshotId,
      knownTailCount,
      WebSocketImpl: this.o.WebSocketImpl,
      onFrame: (f) => {
        if (conn === this.conn) this.onFrame(f);
      },
      onClose: (code, reason) => {
        if (conn === this.conn) this.onConnectionClosed(code, reason);
      },
      onProtocolError: (e) => this.report(e),
    });
    this.conn = conn;
  }

  private onConnectionClosed(code: number, reason: string): void {
    this.conn = null;
    this.loading = null;
    this.loaded = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (!shouldRetryClose(code) && !this.fatal) {
      const c = code === CloseCode.Forbidden ? 'NOT_A_MEMBER' : code === CloseCode.AuthFailed ? 'AUTH_FAILED' : 'CONNECTION_CLOSED';
      this.fatal = new TrameError(c, `relay closed the connection (${code} ${reason})`, { closeCode: code });
      this.report(this.fatal);
    }
    this.setStatus(this.fatal ? 'error' : 'offline');
    const t = this.transport;
    this.transport = null;
    t?.markClosed(code, reason);
  }

  private onFrame(f: Frame): void {
    this.emit('frame', [f.kind, f.raw.length]);
    try {
      if (this.loading) this.onLoadingFrame(f);
      else this.onLiveFrame(f);
    } catch (e) {
      const err = isTrameError(e) ? e : new TrameError('INTERNAL', String(e));
      this.report(err);
    }
  }

  private onLoadingFrame(f: Frame): void {
    const loading = this.loading!;
    switch (f.kind) {
      case FrameKind.Membership:
        this.applyMembership(f.raw);
        return;
      case FrameKind.Snapshot:
        loading.snapshot = f;
        return;
      case FrameKind.Update:
        loading.updates.push(f);
        return;
      case FrameKind.Ready:
        this.finishLoading(f);
        return;
      case FrameKind.Error:
        this.report(errorFromFrame(f));
        return;
      default:
        return;
    }
  }

  private onLiveFrame(f: Frame): void {
    switch (f.kind) {
      case FrameKind.Update:
        return this.onRemoteUpdate(f);
      case FrameKind.Snapshot:
        return this.onRemoteSnapshot(f);
      case FrameKind.Ephemeral:
        return this.onRemoteEphemeral(f);
      case FrameKind.Membership:
        this.applyMembership(f.raw);
        this.flush();
        return;
      case FrameKind.Ack:
        return this.onAck(f);
      case FrameKind.Durable:
        // R47: what the relay sent before this is durable; only now may it bound a rollback (R42).
        return this.saveHeads();
      case FrameKind.Error:
        return this.onError(f);
      default:
        return;
    }
  }

  private applyMembership(raw: Uint8Array): void {
    try {
      this.o.space.apply(raw);
    } catch (e) {
      this.failVerification(isTrameError(e) ? e : new TrameError('MEMBERSHIP_CHAIN'));
    }
  }

  /** R40: verify, check the author may write, decrypt. */
  private open(f: UpdateFrame | SnapshotFrame): Uint8Array {
    const author = toHex(f.author);
    if (!this.o.space.isTrustedWriter(author)) {
      throw new TrameError('UNTRUSTED_AUTHOR', `author ${author.slice(0, 12)} never had a write role`);
    }
    return openContentFrame(f, this.o.space.docKey(f.epoch, this.o.docId));
  }

  private finishLoading(ready: ReadyFrame): void {
    const { snapshot, updates, knownSnapshotId, knownTailCount } = this.loading!;
    this.loading = null;
    const servedId = ready.snapshotId;
    const known = this.o.headStore.get(this.headKey);
    const servedHex = toHex(servedId);
    // R42: never go back to an older state than this client has seen.
    if (known) {
      if (ready.snapshotHeight < known.height) {
        return this.failVerification(new TrameError('ROLLBACK_DETECTED', `relay served snapshot height ${ready.snapshotHeight}, this client saw ${known.height}`));
      }
      if (ready.snapshotHeight === known.height && servedHex !== known.snapshotId) {
        return this.failVerification(new TrameError('FORK_DETECTED', 'relay served another snapshot at the same height'));
      }
    }
    let snapshotPlain: Uint8Array | null = null;
    let nextHead: SnapshotHead | null = this.current;
    if (snapshot) {
      if (!bytesEqual(snapshot.snapshotId, servedId) || snapshot.height !== ready.snapshotHeight) {
        return this.failVerification(new TrameError('FORK_DETECTED', 'READY names another snapshot than the one served'));
      }
      if (this.current && bytesEqual(snapshot.parentId, this.current.id)) {
        // R43: a direct child of what we hold must chain to it.
        if (!bytesEqual(snapshot.proof, snapshotProof(this.current))) {
          return this.failVerification(new TrameError('FORK_DETECTED', 'snapshot proof does not chain to the held snapshot'));
        }
      }
      try {
        snapshotPlain = this.open(snapshot);
      } catch (e) {
        return this.failVerification(e as TrameError);
      }
      nextHead = { id: snapshot.snapshotId.slice(), height: snapshot.height, proof: snapshot.proof.slice(), frameHash: sha256(snapshot.raw) };
    } else if (!isZero(servedId) && !(this.current && bytesEqual(this.current.id, servedId))) {
      return this.failVerification(new TrameError('MISSING_UPDATES', 'relay skipped a snapshot this client does not hold'));
    }
    const sameSnapshot = nextHead !== null && this.current !== null && bytesEqual(nextHead.id, this.current.id);
    const baseClocks = sameSnapshot || (!nextHead && !this.current) ? this.clocks : new Map<string, number>();
    // R48: the relay skipped the first knownTailCount updates, which this client holds; the
    // rest may still begin with some it holds (counted before their ACK came back).
    const resumed =
      snapshot === null &&
      knownTailCount > 0 &&
      bytesEqual(servedId, knownSnapshotId) &&
      knownTailCount <= ready.tailCount;
    // R41: every author's clocks on the snapshot run 1, 2, 3… without a hole.
    const seen = new Map<string, number>(resumed ? this.clocks : []);
    for (const u of updates) {
      const a = toHex(u.author);
      if (resumed && u.clock <= (this.clocks.get(a) ?? 0)) continue;
      const expected = (seen.get(a) ?? 0) + 1;
      if (!bytesEqual(u.snapshotId, servedId)) {
        return this.failVerification(new TrameError('MISSING_UPDATES', 'tail update on another snapshot'));
      }
      if (u.clock !== expected) {
        return this.failVerification(
          new TrameError(u.clock < expected ? 'REPLAY_DETECTED' : 'MISSING_UPDATES', `author ${a.slice(0, 12)}: clock ${u.clock}, expected ${expected}`, {
            range: { from: expected, to: u.clock - 1 },
          }),
        );
      }
      seen.set(a, u.clock);
    }
    if (known && known.snapshotId === servedHex) {
      for (const [a, c] of Object.entries(known.clocks)) {
        if ((seen.get(a) ?? 0) < c) {
          return this.failVerification(new TrameError('ROLLBACK_DETECTED', `relay lost updates of ${a.slice(0, 12)} up to clock ${c}`));
        }
      }
    }
    // Verified: apply.
    if (snapshotPlain) Y.applyUpdate(this.shadow, snapshotPlain, REMOTE);
    this.current = nextHead;
    this.clocks = new Map(baseClocks);
    for (const u of updates) {
      const a = toHex(u.author);
      if ((this.clocks.get(a) ?? 0) >= u.clock) continue;
      this.clocks.set(a, u.clock);
      let plain: Uint8Array;
      try {
        plain = this.open(u);
      } catch (e) {
        // One member's forged or unreadable update must not make the document unreadable
        // for everyone: it is reported and skipped; its clock still counts (R41).
        this.report(e as TrameError);
        continue;
      }
      Y.applyUpdate(this.shadow, plain, REMOTE);
    }
    this.resolveInflightAfterLoad(snapshot);
    this.loaded = true;
    this.transport?.markOpen();
    // Ask the provider for what the relay lacks: edits made offline.
    this.transport?.deliver(syncMessage(SYNC_STEP1, Y.encodeStateVector(this.shadow)));
    if (this.inflight) this.conn?.send(this.inflight.frame);
    this.updateStatus();
    this.sendAwareness();
    this.flush();
    if (!this.inflight && this.pending.length === 0 && this.overCompactionBound(ready.tailCount, ready.tailBytes)) {
      this.publishSnapshot([]);
    }
  }

  /** Decides, after a reload, whether the unacknowledged frame landed, must be resent or rebased. */
  private resolveInflightAfterLoad(snapshot: SnapshotFrame | null): void {
    const f = this.inflight;
    if (!f) return;
    const currentId = this.current?.id ?? ZERO_ID;
    if (f.kind === 'update') {
      if (bytesEqual(f.snapshotId, currentId)) {
        if ((this.clocks.get(this.meHex) ?? 0) >= f.clock) this.inflight = null; // stored; only the ACK was lost
        return; // else resent unchanged (R21)
      }
      const included =
        snapshot !== null &&
        bytesEqual(snapshot.parentId, f.snapshotId) &&
        snapshot.clocks.some((c) => bytesEqual(c.author, this.o.identity.publicKey) && c.clock >= f.clock);
      if (!included) this.pending.unshift(f.content);
      this.inflight = null;
      return;
    }
    if (!bytesEqual(f.head.id, currentId)) this.pending.unshift(...f.includes);
    this.inflight = null;
  }

  private onRemoteUpdate(f: UpdateFrame): void {
    this.adoptIfBuiltOnOwnSnapshot(f.snapshotId);
    const author = toHex(f.author);
    const currentId = this.current?.id ?? ZERO_ID;
    if (!bytesEqual(f.snapshotId, currentId)) {
      this.report(new TrameError('MISSING_UPDATES', 'update on a snapshot this client does not hold'));
      return this.resync();
    }
    const last = this.clocks.get(author) ?? 0;
    if (f.clock <= last) {
      this.report(new TrameError('REPLAY_DETECTED', `author ${author.slice(0, 12)} clock ${f.clock} already applied`));
      return;
    }
    if (f.clock > last + 1) {
      // R41: the relay dropped something; reload the tail rather than apply out of order.
      this.report(new TrameError('MISSING_UPDATES', `author ${author.slice(0, 12)}: clocks ${last + 1}..${f.clock - 1} missing`, { range: { from: last + 1, to: f.clock - 1 } }));
      return this.resync();
    }
    this.clocks.set(author, f.clock);
    let plain: Uint8Array;
    try {
      plain = this.open(f);
    } catch (e) {
      // Ordered but not trustworthy: skipped, and its clock counted so the next one is no gap.
      this.report(e as TrameError);
      return;
    }
    Y.applyUpdate(this.shadow, plain, REMOTE);
    this.transport?.deliver(syncMessage(SYNC_UPDATE, plain));
  }

  private onRemoteSnapshot(f: SnapshotFrame): void {
    this.adoptIfBuiltOnOwnSnapshot(f.parentId);
    const cur = this.current;
    if (cur && bytesEqual(f.snapshotId, cur.id)) return;
    const parentOk = cur ? bytesEqual(f.parentId, cur.id) : isZero(f.parentId);
    if (!parentOk) {
      this.report(new TrameError('MISSING_UPDATES', 'snapshot on a parent this client does not hold'));
      return this.resync();
    }
    if (!bytesEqual(f.proof, snapshotProof(cur)) || f.height !== (cur?.height ?? 0) + 1) {
      return this.failVerification(new TrameError('FORK_DETECTED', 'snapshot proof does not chain to the held snapshot'));
    }
    let plain: Uint8Array;
    try {
      plain = this.open(f);
    } catch (e) {
      this.report(e as TrameError);
      return;
    }
    // A snapshot compacts updates this client has mostly applied already: hand the editor only
    // what it changed (usually nothing), not the whole document state again.
    const delta = applyAndCapture(this.shadow, plain, REMOTE);
    this.current = { id: f.snapshotId.slice(), height: f.height, proof: f.proof.slice(), frameHash: sha256(f.raw) };
    this.clocks = new Map();
    if (delta) this.transport?.deliver(syncMessage(SYNC_UPDATE, delta));
    if (this.inflight?.kind === 'update' && this.staleInflight) this.rebaseInflight();
  }

  /** Set when the relay said our in-flight update's snapshot is no longer the latest. */
  private staleInflight = false;

  private onRemoteEphemeral(f: EphemeralFrame): void {
    const author = toHex(f.author);
    if (author === this.meHex || this.o.space.roleOf(author) === 0) return;
    let plain: Uint8Array;
    try {
      plain = openContentFrame(f, this.o.space.docKey(f.epoch, this.o.docId));
    } catch (e) {
      this.report(e as TrameError);
      return;
    }
    let filtered;
    try {
      filtered = filterAwarenessUpdate(plain, author, this.awarenessOwners, this.o.awareness.clientID);
    } catch {
      this.report(new TrameError('AWARENESS_FORGED', 'unreadable awareness update'));
      return;
    }
    if (filtered.dropped > 0) {
      this.report(new TrameError('AWARENESS_FORGED', `${filtered.dropped} awareness entries not signed by their identity were ignored`));
    }
    if (filtered.update) {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(enc, filtered.update);
      this.transport?.deliver(encoding.toUint8Array(enc));
    }
  }

  private onAck(a: AckFrame): void {
    const f = this.inflight;
    if (!f) return;
    if (f.kind === 'update' && a.ackedKind === FrameKind.Update && bytesEqual(a.ref, f.snapshotId) && a.number === f.clock) {
      this.inflight = null;
      this.staleInflight = false;
      // R47: frames are forwarded at COMMIT and ACKs wait for the sync, so a snapshot built on
      // this update may have arrived first; the clock then belongs to the old snapshot.
      const onCurrent = bytesEqual(f.snapshotId, this.current?.id ?? ZERO_ID);
      if (onCurrent && (this.clocks.get(this.meHex) ?? 0) < f.clock) this.clocks.set(this.meHex, f.clock);
      if (this.pending.length === 0 && this.overCompactionBound(a.tailCount, a.tailBytes)) this.publishSnapshot([]);
      else this.flush();
    } else if (f.kind === 'snapshot' && a.ackedKind === FrameKind.Snapshot && bytesEqual(a.ref, f.head.id)) {
      this.inflight = null;
      this.adoptOwnSnapshot(f.head);
      this.flush();
    }
    this.updateStatus();
  }

  /**
   * Our SNAPSHOT is the document's latest: its ACK came, or (R47: forwards do not wait for
   * the sync, ACKs do) another writer's frame built on it arrived first.
   */
  private adoptOwnSnapshot(head: SnapshotHead): void {
    if (this.current && bytesEqual(this.current.id, head.id)) return;
    this.current = head;
    this.clocks = new Map();
  }

  /** Adopts our in-flight snapshot when a live frame shows the relay accepted it (R47). */
  private adoptIfBuiltOnOwnSnapshot(snapshotId: Uint8Array): void {
    const f = this.inflight;
    if (f?.kind === 'snapshot' && bytesEqual(f.head.id, snapshotId)) this.adoptOwnSnapshot(f.head);
  }

  private onError(e: ErrorFrame): void {
    const err = errorFromFrame(e);
    const f = this.inflight;
    if (f?.kind === 'update' && e.refKind === FrameKind.Update && bytesEqual(e.ref, f.snapshotId) && e.refNumber === f.clock) {
      switch (err.code) {
        case 'STALE_SNAPSHOT':
          // R45: re-send the content on the latest snapshot once we hold it.
          this.staleInflight = true;
          if (this.current && !bytesEqual(this.current.id, f.snapshotId)) this.rebaseInflight();
          else if (!isZero(e.latestSnapshotId) && !(this.current && bytesEqual(this.current.id, e.latestSnapshotId))) {
            // The forwarded snapshot may still be on its way; if it is not, a reload fetches it.
            this.retryTimer = setTimeout(() => {
              if (this.staleInflight) this.resync();
            }, 1000);
          }
          return;
        case 'UNAVAILABLE':
        case 'RATE_LIMITED':
        case 'INTERNAL':
          this.report(err);
          this.scheduleResend(f.frame);
          return;
        case 'FORBIDDEN_ROLE':
        case 'NOT_A_MEMBER':
          // Edits stay in this browser; they cannot be saved with this role.
          this.pending.unshift(f.content);
          this.inflight = null;
          this.report(err);
          this.updateStatus();
          return;
        default:
          // CLOCK_GAP, CLOCK_REPLAY, STALE_EPOCH, …: our view of the history is off. Reload it
          // and re-send the content with a fresh clock.
          this.report(err);
          this.pending.unshift(f.content);
          this.inflight = null;
          this.resync();
          return;
      }
    }
    if (f && (err.code === 'RATE_LIMITED' || err.code === 'UNAVAILABLE') && e.refKind === 0) {
      // Refused before the frame was read: send the same frame again later (R21 makes it safe).
      this.report(err);
      this.scheduleResend(f.frame);
      return;
    }
    if (f?.kind === 'snapshot' && e.refKind === FrameKind.Snapshot && bytesEqual(e.ref, f.head.id)) {
      // Another writer compacted first, or an update slipped in: not an error for the user.
      this.inflight = null;
      this.pending.unshift(...f.includes);
      if (f.includes.length > 0) this.report(err);
      this.flush();
      this.updateStatus();
      return;
    }
    this.report(err);
  }

  private scheduleResend(frame: Uint8Array): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.inflight?.frame === frame) this.conn?.send(frame);
    }, 300 + Math.random() * 400);
  }

  private rebaseInflight(): void {
    const f = this.inflight;
    if (f?.kind !== 'update') return;
    this.inflight = null;
    this.staleInflight = false;
    this.pending.unshift(f.content);
    this.flush();
  }

  // ---- local edits ----

  private applyLocal(update: Uint8Array): void {
    const delta = applyAndCapture(this.shadow, update, LOCAL);
    if (delta) {
      this.pending.push(delta);
      this.flush();
      this.updateStatus();
    }
  }

  private flush(): void {
    if (this.inflight || !this.loaded || !this.conn || this.fatal || this.pending.length === 0) return;
    if (!this.o.space.canWrite()) return;
    const wait = this.lastContentSent + (this.o.minUpdateIntervalMs ?? UPDATE_MIN_INTERVAL_MS) - Date.now();
    if (wait > 0) {
      this.flushTimer ??= setTimeout(() => {
        this.flushTimer = null;
        this.flush();
      }, wait);
      return;
    }
    this.lastContentSent = Date.now();
    const content = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
    if (content.length > LIMITS.maxUpdateBytes - UPDATE_OVERHEAD) {
      // Too large for an UPDATE (a huge paste): publish the whole state as a snapshot.
      return this.publishSnapshot(this.pending.splice(0));
    }
    this.pending = [];
    const epoch = this.o.space.epoch;
    const snapshotId = this.current?.id ?? ZERO_ID;
    const clock = (this.clocks.get(this.meHex) ?? 0) + 1;
    const header = encodeUpdateHeader({ spaceId: this.o.space.spaceId, docId: this.o.docId, epoch, snapshotId, author: this.o.identity.publicKey, clock });
    const frame = sealContentFrame(header, this.o.space.docKey(epoch, this.o.docId), content, this.o.identity);
    this.inflight = { kind: 'update', frame, snapshotId, clock, content };
    this.conn.send(frame);
    this.updateStatus();
  }

  private overCompactionBound(count: number, bytes: number): boolean {
    return this.o.space.canWrite() && (count >= this.compaction.afterUpdates || bytes >= this.compaction.afterBytes);
  }

  /** R46: encode the shadow doc (snapshot + tail applied) as the next snapshot. */
  private publishSnapshot(includes: Uint8Array[]): void {
    if (this.inflight || !this.conn || !this.loaded) {
      this.pending.unshift(...includes);
      return;
    }
    const epoch = this.o.space.epoch;
    const parent = this.current;
    const id = randomBytes(16);
    const height = (parent?.height ?? 0) + 1;
    const proof = snapshotProof(parent);
    const clocks = [...this.clocks]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([hex, clock]) => ({ author: fromHex(hex), clock }));
    const header = encodeSnapshotHeader({
      spaceId: this.o.space.spaceId,
      docId: this.o.docId,
      epoch,
      snapshotId: id,
      parentId: parent?.id ?? ZERO_ID,
      height,
      proof,
      author: this.o.identity.publicKey,
      clocks,
    });
    const frame = sealContentFrame(header, this.o.space.docKey(epoch, this.o.docId), Y.encodeStateAsUpdate(this.shadow), this.o.identity);
    if (frame.length > LIMITS.maxSnapshotBytes) {
      this.pending.unshift(...includes);
      this.report(new TrameError('FRAME_TOO_LARGE', 'document is larger than a snapshot may be'));
      return;
    }
    this.inflight = { kind: 'snapshot', frame, head: { id, height, proof, frameHash: sha256(frame) }, includes };
    this.lastContentSent = Date.now();
    this.conn.send(frame);
  }

  private sendAwareness(): void {
    if (!this.loaded || !this.conn) return;
    const now = Date.now();
    const wait = this.lastAwarenessSent + AWARENESS_MIN_INTERVAL_MS - now;
    if (wait > 0) {
      // Cursor moves come in bursts; only the latest state matters.
      this.awarenessTimer ??= setTimeout(() => {
        this.awarenessTimer = null;
        this.sendAwareness();
      }, wait);
      return;
    }
    const aw = this.o.awareness;
    const epoch = this.o.space.epoch;
    if (!this.o.space.hasKey(epoch) || this.o.space.myRole === 0) return;
    const payload = encodeAwarenessUpdate(aw, [aw.clientID]);
    // After a reconnect the provider announces the same state again (same awareness clock).
    // The others still hold it (nothing tells them we left; states live 30 s and are renewed
    // every 15 s with a new clock), so repeating it only makes every peer verify one more
    // signature — in a reconnect storm, n² of them per document.
    const last = this.lastAwarenessPayload;
    if (last && now - this.lastAwarenessSent < AWARENESS_RESEND_AFTER_MS && bytesEqual(last, payload)) return;
    this.lastAwarenessSent = now;
    this.lastAwarenessPayload = payload;
    const header = encodeEphemeralHeader({
      spaceId: this.o.space.spaceId,
      docId: this.o.docId,
      epoch,
      author: this.o.identity.publicKey,
      sequence: ++this.ephemeralSequence,
    });
    this.conn.send(sealContentFrame(header, this.o.space.docKey(epoch, this.o.docId), payload, this.o.identity));
  }

  // ---- status, errors ----

  private saveHeads(): void {
    if (!this.current && this.clocks.size === 0) return;
    this.o.headStore.set(this.headKey, {
      snapshotId: this.current ? toHex(this.current.id) : toHex(ZERO_ID),
      height: this.current?.height ?? 0,
      clocks: Object.fromEntries(this.clocks),
    });
  }

  /** Reloads the state from the relay (the provider reconnects after a short backoff). */
  private resync(): void {
    this.conn?.close(CLOSE_RESYNC, 'resync');
  }

  /** R42/R43: the relay served a state that does not verify. Stop; keep local data. */
  private failVerification(e: TrameError): void {
    this.fatal = e;
    this.loading = null;
    this.loaded = false;
    this.report(e);
    this.conn?.close(CLOSE_VERIFICATION_FAILED, e.code);
  }

  private report(e: TrameError): void {
    this.emit('error', [e]);
    if (this.fatal) this.setStatus('error');
  }

  private updateStatus(): void {
    if (this.fatal) return this.setStatus('error');
    if (!this.loaded) return this.setStatus(this.status === 'connecting' ? 'connecting' : 'offline');
    if (this.hasUnsavedChanges && this.o.space.canWrite()) return this.setStatus('saving');
    this.setStatus('saved');
    this.emit('saved', []);
  }

  private setStatus(s: DocumentStatus): void {
    if (s === this.status) return;
    this.status = s;
    this.emit('status', [s]);
  }

  /** Closes the relay connection for good. */
  destroyEngine(): void {
    this.destroyed = true;
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    const conn = this.conn;
    this.conn = null;
    conn?.close(1000, 'closed');
    this.shadow.destroy();
  }
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  encoding.writeVarUint(enc, step);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

function errorFromFrame(e: ErrorFrame): TrameError {
  const details: Record<string, unknown> = {};
  if (e.rangeFrom || e.rangeTo) details.range = { from: e.rangeFrom, to: e.rangeTo };
  if (!isZero(e.latestSnapshotId)) details.latestSnapshotId = toHex(e.latestSnapshotId);
  return new TrameError(errorCodeFromNumber(e.code), e.message || undefined, details);
}

/** Applies `update` to `doc` with `origin`; returns what it changed, or null if nothing. */
function applyAndCapture(doc: Y.Doc, update: Uint8Array, origin: symbol): Uint8Array | null {
  let delta: Uint8Array | null = null;
  const capture = (u: Uint8Array, from: unknown): void => {
    if (from === origin) delta = u;
  };
  doc.on('update', capture);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    doc.off('update', capture);
  }
  return delta;
}
