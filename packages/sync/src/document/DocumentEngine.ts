import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { ObservableV2 } from 'lib0/observable';
import type { Awareness } from 'y-protocols/awareness';
import {
  bytesEqual,
  CloseCode,
  FrameKind,
  isTrameError,
  isZero,
  LIMITS,
  shouldRetryClose,
  toHex,
  TrameError,
  ZERO_ID,
  type AckFrame,
  type ErrorFrame,
  type MembershipView,
  type Frame,
  type ReadyFrame,
  type SnapshotFrame,
  type UpdateFrame,
} from '@trame/protocol';
import { chainLink, openContentFrame, snapshotProof, type Identity } from '@trame/crypto';
import { checkTailChains } from '../verify/checkTailChains.js';
import { DEFAULT_SIGNATURE_POLICY, type SignaturePolicy } from '../outbox/mustSign.js';
import { SignatureSchedule } from '../outbox/SignatureSchedule.js';
import { EMPTY_YJS_UPDATE, hasUnsavedEdits } from '../outbox/hasUnsavedEdits.js';
import { authenticateUpdate } from '../verify/authenticateUpdate.js';
import { checkChainLink } from '../verify/checkChainLink.js';
import { checkUpdateClients } from '../verify/checkUpdateClients.js';
import { defaultMembershipView } from '../outbox/defaultMembershipView.js';
import type { WriterContext } from '../outbox/WriterContext.js';
import { readUpdateClients } from './readUpdateClients.js';
import { withAuthor } from './withAuthor.js';
import { headOf } from './headOf.js';
import { sameClocks } from '../verify/sameClocks.js';
import { compactionMismatch } from '../verify/compactionMismatch.js';
import { checkTailClocks } from '../verify/checkTailClocks.js';
import { checkSeenHeads } from '../verify/checkSeenHeads.js';
import { sealSnapshot } from '../outbox/sealSnapshot.js';
import { sealUpdate } from '../outbox/sealUpdate.js';
import { RelayConnection } from '../connection/RelayConnection.js';
import type { WebSocketConstructor } from '../connection/WebSocketLike.js';
import { AwarenessChannel } from '../awareness/AwarenessChannel.js';
import type { HeadStore } from '../heads/HeadStore.js';
import type { SpaceState } from '../space/SpaceState.js';
import type { TransportEnd, TransportPort } from '../transport/TransportPort.js';
import type { CompactionPolicy } from '../outbox/CompactionPolicy.js';
import type { Inflight } from '../outbox/Inflight.js';
import { ackSettles } from '../outbox/ackSettles.js';
import { inflightUpdateErrorAction } from '../outbox/inflightUpdateErrorAction.js';
import { isOverCompactionBound } from '../outbox/isOverCompactionBound.js';
import { resolveInflightAfterLoad } from '../outbox/resolveInflightAfterLoad.js';
import { checkRemoteSnapshot } from '../verify/checkRemoteSnapshot.js';
import { checkRemoteUpdate } from '../verify/checkRemoteUpdate.js';
import type { SnapshotHead } from '../verify/SnapshotHead.js';
import { verifyInitialState } from '../verify/verifyInitialState.js';
import { needsRecount } from '../verify/needsRecount.js';
import type { AuthenticatedUpdate } from '../verify/authenticateUpdate.js';
import { applyAndCapture } from './applyAndCapture.js';
import { documentHeadsOf } from '../heads/documentHeadsOf.js';
import { finalCloseError } from '../connection/finalCloseError.js';
import { errorFromFrame } from './errorFromFrame.js';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, syncMessage } from './syncMessage.js';
import { UPDATE_MIN_INTERVAL_MS } from './updateMinIntervalMs.js';

export type { CompactionPolicy } from '../outbox/CompactionPolicy.js';

/** Where a document stands, for the status line. */
export type DocumentStatus = 'connecting' | 'saved' | 'saving' | 'offline' | 'error';

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
  /**
   * The author's membership view written in every content frame (MEMBERSHIP-8); default the
   * space state's last verified entry.
   */
  membershipView?: () => MembershipView;
  /** R56: longest wait for DURABLE after a forwarded frame before it is reported (default 10 s). */
  durableBoundMs?: number;
  /** R51: how often UPDATEs are signed (default SPARSE_SIGNATURE_POLICY: 32 frames or 1 s; EVERY_FRAME_SIGNATURE_POLICY). */
  signaturePolicy?: SignaturePolicy;
}

/** R57: how long a forged live frame's clock waits for its genuine frame before a reload. */
const RECOUNT_AFTER_MS = 2000;

/** R56: a healthy relay sends DURABLE within ~100 ms plus a disk sync; this leaves margin. */
const DURABLE_BOUND_MS = 10_000;

type EngineEvents = {
  status: (status: DocumentStatus) => void;
  error: (error: TrameError) => void;
  /** An ACK arrived and nothing is waiting to be sent. */
  saved: () => void;
  /** Counts of frames received from the relay, for tests and diagnostics. */
  frame: (kind: number, bytes: number) => void;
};

const LOCAL = Symbol('trame-local');
const REMOTE = Symbol('trame-remote');
/** Room left in an UPDATE frame for its header, nonce, tag and signature. */
const UPDATE_OVERHEAD = 1024;

/** Local close code for a verification failure: final, so the provider stops reconnecting. */
const CLOSE_VERIFICATION_FAILED = CloseCode.ProtocolError;
/** Local close code asking the provider to reconnect and reload the state. */
const CLOSE_RESYNC = 4520;

/** Refusals of a SNAPSHOT that only mean another writer or update came first (R24, R25). */
const SNAPSHOT_RACES: ReadonlySet<string> = new Set(['SNAPSHOT_CONFLICT', 'SNAPSHOT_INCOMPLETE', 'STALE_SNAPSHOT']);

/**
 * The client side of one document: it holds the relay connection and plays, for y-websocket's
 * provider, the server side of the y-websocket protocol (docs/adr/0001-encrypting-transport.md).
 * It keeps a shadow Y.Doc of everything the relay has or will receive from us, turns the
 * provider's updates into signed, encrypted UPDATEs (one in flight at a time, later edits
 * coalesced: R45), verifies and decrypts what the relay serves (R40-R43), and compacts (R46).
 */
export class DocumentEngine extends ObservableV2<EngineEvents> implements TransportPort {
  private readonly shadow = new Y.Doc();
  private readonly meHex: string;
  private readonly headKey: string;
  private readonly compaction: CompactionPolicy;
  private current: SnapshotHead | null = null;
  /**
   * R73: the oldest key epoch of what the relay holds as this document's state (its latest
   * snapshot, or with none its tail); null for an empty document. Below the space's epoch, a
   * writer's next frame is a snapshot under the new key.
   */
  private docEpoch: number | null = null;
  /** R73: the space epoch at which a STALE_EPOCH already made us reload (once per epoch). */
  private staleEpochReloadAt = -1;
  private clocks = new Map<string, number>();
  /** Chain link of each author's last UPDATE on the current snapshot (R50). */
  private links = new Map<string, Uint8Array>();
  /** Which author each Yjs client id belongs to on this document (R52). */
  private readonly yjsOwners = new Map<number, string>();
  private readonly writer: WriterContext;
  /** The latest snapshot could not be read: ask for its parent on the next connection (R53). */
  private wantParent = false;
  /** The latest snapshot could not be read or was not its parent + tail: replace it (R53). */
  private replaceSnapshot = false;
  private readonly seenKey: string;
  private readonly durableBoundMs: number;
  private durableTimer: ReturnType<typeof setTimeout> | null = null;
  /** R51: which UPDATE is signed, and the checkpoint after unsigned ones. */
  private readonly signing: SignatureSchedule;
  private pending: Uint8Array[] = [];
  private inflight: Inflight | null = null;
  private transport: TransportEnd | null = null;
  private conn: RelayConnection | null = null;
  /** The initial state being received, and what the HELLO said this client holds (R48). */
  private loading: {
    /** The latest snapshot, preceded by its parent when asked for (R53). */
    snapshots: SnapshotFrame[];
    updates: UpdateFrame[];
    knownSnapshotId: Uint8Array;
    knownTailCount: number;
  } | null = null;
  private loaded = false;
  private readonly awareness: AwarenessChannel;
  /** R57: live frames that did not authenticate, and when to check that their clocks came. */
  private heldBack: Array<{ author: string; clock: number }> = [];
  private uncounted = false;
  private recountTimer: ReturnType<typeof setTimeout> | null = null;
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
    this.seenKey = `${this.headKey}:seen`;
    this.durableBoundMs = o.durableBoundMs ?? DURABLE_BOUND_MS;
    this.signing = new SignatureSchedule(o.signaturePolicy ?? DEFAULT_SIGNATURE_POLICY, () => this.checkpoint());
    this.compaction = o.compaction ?? {
      afterUpdates: LIMITS.compactAfterUpdates,
      afterBytes: LIMITS.compactAfterBytes,
    };
    this.writer = {
      identity: o.identity,
      space: o.space,
      docId: o.docId,
      membershipView: o.membershipView ?? (() => defaultMembershipView(o.space)),
    };
    this.awareness = new AwarenessChannel({
      membershipView: this.writer.membershipView,
      identity: o.identity,
      space: o.space,
      docId: o.docId,
      awareness: o.awareness,
      canSend: () => this.loaded && this.conn !== null,
      send: (frame) => this.conn?.send(frame),
      deliver: (m) => this.transport?.deliver(m),
      report: (e) => this.report(e),
    });
  }

  get currentStatus(): DocumentStatus {
    return this.status;
  }

  /** Local edits not yet acknowledged by the relay. */
  get hasUnsavedChanges(): boolean {
    return hasUnsavedEdits(this.pending, this.inflight);
  }

  get canWrite(): boolean {
    return this.o.space.canWrite();
  }

  /** R73: the key epoch of the document's state (see {@link docEpoch}). */
  get keyEpoch(): number | null {
    return this.docEpoch;
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
      this.awareness.send();
    }
  }

  // ---- relay side ----

  private connect(): void {
    const knownSnapshotId = this.current?.id ?? ZERO_ID;
    // R48: by R41 this client holds clocks 1..c of every author on its snapshot, and (R47:
    // forwards in commit order, own clocks counted at their ACK) they include the relay's
    // first Σc updates of that tail, so the relay may skip those.
    // R57: a frame held back since the last load breaks that count: ask for the whole tail.
    let knownTailCount = 0;
    if (!this.uncounted) for (const c of this.clocks.values()) knownTailCount += c;
    this.loading = { snapshots: [], updates: [], knownSnapshotId, knownTailCount };
    this.loaded = false;
    const conn: RelayConnection = new RelayConnection({
      url: this.o.relayUrl,
      identity: this.o.identity,
      spaceId: this.o.space.spaceId,
      docId: this.o.docId,
      knownMembershipSeq: this.o.space.seq,
      knownSnapshotId,
      knownTailCount,
      withParent: this.wantParent,
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
    this.durableSeen();
    this.conn = null;
    this.loading = null;
    this.loaded = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (!shouldRetryClose(code) && !this.fatal) {
      this.fatal = finalCloseError(code, reason);
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
        loading.snapshots.push(f);
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
        return this.awareness.receive(f);
      case FrameKind.Membership:
        this.applyMembership(f.raw);
        // R73: a ROTATE: a writer moves the document to the new key at once.
        if (!this.inflight && this.needsMove()) this.publishSnapshot(this.pending.splice(0));
        else this.flush();
        return;
      case FrameKind.Ack:
        return this.onAck(f);
      case FrameKind.Durable:
        // R47: what the relay sent before this is durable; only now may it bound a rollback (R42).
        this.durableSeen();
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
      // R37: the space stays at its verified prefix and the document keeps working on it.
      this.report(isTrameError(e) ? e : new TrameError('MEMBERSHIP_CHAIN'));
    }
  }

  /**
   * R40/R74 for a frame's author: a writer while the frame's epoch was current. MEMBERSHIP-5: a live frame (forwarded
   * now, not history) must come from a current writer: a relay that lets a removed or demoted
   * member back in cannot get her new edits applied.
   */
  private writerError(author: string, epoch: number, live: boolean): TrameError | null {
    if (!this.o.space.isTrustedWriter(author, epoch)) {
      return new TrameError('UNTRUSTED_AUTHOR', `author ${author.slice(0, 12)} had no write role in epoch ${epoch}`);
    }
    if (live && !this.o.space.isCurrentWriter(author)) {
      return new TrameError('UNTRUSTED_AUTHOR', `author ${author.slice(0, 12)} is no longer a writer`);
    }
    return null;
  }

  /** R39a (MEMBERSHIP-8): a verified frame's view of the log must agree with ours, live or loaded. */
  private checkView(f: UpdateFrame | SnapshotFrame): void {
    const fork = this.o.space.checkView(f);
    if (fork) this.report(fork);
  }

  private finishLoading(ready: ReadyFrame): void {
    const { snapshots, updates: all, knownSnapshotId, knownTailCount } = this.loading!;
    this.loading = null;
    this.uncounted = false;
    const snapshot = snapshots.find((x) => bytesEqual(x.snapshotId, ready.snapshotId)) ?? snapshots.at(-1) ?? null;
    // R53: asked for, the parent (none for a first snapshot) and its tail come first.
    const askedParent = this.wantParent && snapshot !== null;
    const parentId = askedParent ? snapshot.parentId : null;
    const parent = parentId ? (snapshots.find((x) => bytesEqual(x.snapshotId, parentId)) ?? null) : null;
    const onParent = (u: UpdateFrame): boolean => parentId !== null && bytesEqual(u.snapshotId, parentId);
    const updates = parentId ? all.filter((u) => !onParent(u)) : all;
    const verdict = verifyInitialState({
      known: this.o.headStore.get(this.headKey),
      ready,
      hello: { knownSnapshotId, knownTailCount },
      snapshot,
      updates: updates.map((u) => ({ author: toHex(u.author), clock: u.clock, snapshotId: u.snapshotId })),
      current: this.current,
      clocks: this.clocks,
    });
    if (!verdict.ok) return this.failVerification(verdict.error);
    this.docEpoch = snapshot
      ? snapshot.epoch
      : updates.reduce<number | null>((m, u) => Math.min(m ?? u.epoch, u.epoch), this.docEpoch);
    if (snapshot) {
      const plain = this.openSnapshot(snapshot);
      if (isTrameError(plain)) {
        // R53: fall back to the parent and the tails; the relay keeps them until a replacement.
        if (!askedParent) {
          this.wantParent = true;
          this.report(plain);
          return this.resync();
        }
        if (!parent && !isZero(snapshot.parentId)) return this.failVerification(plain);
        const fallback = this.applyParent(snapshot, parent, all.filter(onParent));
        if (fallback) return this.failVerification(fallback);
        this.report(plain);
        this.replaceSnapshot = true;
      } else {
        Y.applyUpdate(this.shadow, plain, REMOTE);
        this.replaceSnapshot = false;
      }
      this.current = headOf(snapshot);
    }
    this.wantParent = false;
    const suspected = checkSeenHeads(
      this.o.headStore.get(this.seenKey),
      toHex(ready.snapshotId),
      ready.snapshotHeight,
      verdict.served,
    );
    // R55: less than seen (not durable) is used, and reported; clocks follow what is served.
    if (suspected) this.report(suspected);
    if (!verdict.keepClocks || suspected) this.resetChains();
    this.applyTail(updates);
    this.resolveInflightAfterLoad(snapshot);
    this.saveSeen();
    this.loaded = true;
    this.transport?.markOpen();
    // Ask the provider for what the relay lacks: edits made offline.
    this.transport?.deliver(syncMessage(SYNC_STEP1, Y.encodeStateVector(this.shadow)));
    if (this.inflight) this.conn?.send(this.inflight.frame);
    this.updateStatus();
    this.awareness.send();
    this.flush();
    if (
      !this.inflight &&
      this.pending.length === 0 &&
      (this.needsReplacement() || this.needsMove() || this.overCompactionBound(ready.tailCount, ready.tailBytes))
    ) {
      this.publishSnapshot([]);
    }
  }

  /** R45: after a reload, the unacknowledged frame landed, is sent again, or is rebased. */
  private resolveInflightAfterLoad(snapshot: SnapshotFrame | null): void {
    if (!this.inflight) return;
    const r = resolveInflightAfterLoad(
      this.inflight,
      this.current?.id ?? ZERO_ID,
      this.clocks.get(this.meHex) ?? 0,
      snapshot,
      this.o.identity.publicKey,
    );
    if (r.action === 'resend') return;
    if (r.action === 'requeue') this.pending.unshift(...r.content);
    this.inflight = null;
  }

  private onRemoteUpdate(f: UpdateFrame): void {
    this.adoptIfBuiltOnOwnSnapshot(f.snapshotId);
    const author = toHex(f.author);
    const verdict = checkRemoteUpdate(
      { author, clock: f.clock, snapshotId: f.snapshotId },
      this.current?.id ?? ZERO_ID,
      this.clocks.get(author) ?? 0,
    );
    if (verdict.action !== 'apply') {
      this.report(verdict.error);
      if (verdict.action === 'resync') this.resync();
      return;
    }
    if (!this.current) this.docEpoch = Math.min(this.docEpoch ?? f.epoch, f.epoch);
    const delta = this.applyRemoteUpdate(f, true);
    this.forwarded();
    if (delta) this.transport?.deliver(syncMessage(SYNC_UPDATE, delta));
  }

  /**
   * R50/R51 at load: the tail's chains are checked as a whole first, so that unsigned updates a
   * later signature cannot vouch for (a broken chain) are never applied.
   */
  private applyTail(updates: readonly UpdateFrame[]): void {
    const fresh = updates
      .filter((u) => (this.clocks.get(toHex(u.author)) ?? 0) < u.clock)
      .map((u) => ({ u, opened: this.authenticate(u, false) }));
    const chains = checkTailChains(
      fresh.map(({ u }) => ({
        author: toHex(u.author),
        clock: u.clock,
        prevLink: u.prevLink,
        link: chainLink(u.body),
        signed: u.signed,
      })),
      this.links,
    );
    for (const e of chains.errors) this.report(e);
    fresh.forEach(({ u, opened }, i) => {
      if (!chains.skip.has(i)) return void this.applyRemoteUpdate(u, false, opened);
      this.clocks.set(toHex(u.author), u.clock);
      this.links.set(toHex(u.author), chainLink(u.body));
    });
  }

  /** R57: a live frame not counted; if the genuine one does not follow soon, reload the tail. */
  private holdBack(author: string, clock: number): void {
    this.heldBack.push({ author, clock });
    this.uncounted = true;
    this.recountTimer ??= setTimeout(() => {
      this.recountTimer = null;
      const held = this.heldBack.splice(0);
      if (this.loaded && needsRecount(held, this.clocks)) this.resync();
    }, RECOUNT_AFTER_MS);
  }

  /** R57 + R40: whether the author really sent it, and its plaintext if it passes every check. */
  private authenticate(f: UpdateFrame, live: boolean): AuthenticatedUpdate {
    const author = toHex(f.author);
    return authenticateUpdate(f, {
      writerError: () => this.writerError(author, f.epoch, live),
      key: () => this.o.space.docKey(f.epoch, this.o.docId),
    });
  }

  /**
   * Counts an ordered UPDATE (R41) and its chain link (R50) once it authenticates (R57: a live
   * frame forged under an author's next clock must not burn it; in a loaded tail the relay holds
   * one frame per clock, which counts), then applies it unless it fails a check: one member's
   * unreadable update must not make the document unreadable for everyone, so it is reported and
   * skipped and its clock still counts (INTEGRITY-1). `loaded`: already authenticated, with the
   * tail's chains checked. Returns what it changed in the shadow document.
   */
  private applyRemoteUpdate(f: UpdateFrame, live: boolean, loaded?: AuthenticatedUpdate): Uint8Array | null {
    const author = toHex(f.author);
    const opened = loaded ?? this.authenticate(f, live);
    if (!opened.counts && !loaded) {
      this.report(withAuthor(opened.error, author));
      this.holdBack(author, f.clock);
      return null;
    }
    const broken = loaded
      ? null
      : checkChainLink({ author, clock: f.clock, prevLink: f.prevLink }, this.links.get(author));
    this.clocks.set(author, f.clock);
    this.links.set(author, chainLink(f.body));
    if (broken) {
      this.report(broken);
      return null;
    }
    try {
      if (opened.error) throw opened.error;
      const plain = opened.plain;
      this.checkView(f);
      const clients = readUpdateClients(plain);
      const forged = checkUpdateClients(clients, author, this.yjsOwners);
      if (forged) throw forged;
      return applyAndCapture(this.shadow, plain, REMOTE);
    } catch (e) {
      this.report(
        isTrameError(e)
          ? withAuthor(e, author)
          : new TrameError('UPDATE_UNREADABLE', `update ${f.clock} of ${author.slice(0, 12)} does not parse`, {
              author,
            }),
      );
      return null;
    }
  }

  private onRemoteSnapshot(f: SnapshotFrame): void {
    this.adoptIfBuiltOnOwnSnapshot(f.parentId);
    const verdict = checkRemoteSnapshot(f, this.current);
    if (verdict.action === 'ignore') return;
    if (verdict.action === 'resync') {
      this.report(verdict.error);
      return this.resync();
    }
    if (verdict.action === 'fail') return this.failVerification(verdict.error);
    let plain = this.openSnapshot(f, true);
    if (!isTrameError(plain)) plain = this.checkCompaction(f, plain);
    let delta: Uint8Array | null = null;
    if (isTrameError(plain)) {
      // R53: this client holds the parent and the tail: keep them, build on the new snapshot
      // (its id is what the relay orders by), and publish a readable replacement.
      this.report(plain);
      this.replaceSnapshot = true;
    } else {
      // A snapshot compacts updates this client has mostly applied already: hand the editor only
      // what it changed (usually nothing), not the whole document state again.
      delta = applyAndCapture(this.shadow, plain, REMOTE);
      this.replaceSnapshot = false;
    }
    this.current = headOf(f);
    this.docEpoch = f.epoch;
    this.resetChains();
    this.forwarded();
    if (delta) this.transport?.deliver(syncMessage(SYNC_UPDATE, delta));
    if (this.inflight?.kind === 'update' && this.staleInflight) this.rebaseInflight();
    else if (!this.inflight && this.pending.length === 0 && this.needsReplacement()) this.publishSnapshot([]);
  }

  /**
   * R40 + R53: the snapshot's plaintext when it verifies, decrypts and parses as a Yjs update;
   * otherwise SNAPSHOT_UNREADABLE naming its author (the cause's code in `details.cause`).
   */
  private openSnapshot(f: SnapshotFrame, live = false): Uint8Array | TrameError {
    const author = toHex(f.author);
    try {
      const writer = this.writerError(author, f.epoch, live);
      if (writer) throw writer;
      const plain = openContentFrame(f, this.o.space.docKey(f.epoch, this.o.docId));
      this.checkView(f);
      Y.parseUpdateMeta(plain);
      return plain;
    } catch (e) {
      const cause = isTrameError(e) ? e.code : 'UPDATE_UNREADABLE';
      return new TrameError(
        'SNAPSHOT_UNREADABLE',
        `snapshot of ${author.slice(0, 12)} cannot be read (${cause}); using its parent and tail`,
        {
          author,
          cause,
        },
      );
    }
  }

  /**
   * R54: when this client holds exactly what a live snapshot compacts (its parent, the tail up
   * to the listed clocks, nothing of its own unacknowledged), the snapshot's content must be
   * that, plus at most its author's own edits and deletions; SNAPSHOT_MISMATCH naming its
   * author otherwise.
   */
  private checkCompaction(f: SnapshotFrame, plain: Uint8Array): Uint8Array | TrameError {
    if (this.hasUnsavedChanges || !sameClocks(f.clocks, this.clocks)) return plain;
    return compactionMismatch(this.shadow, plain, toHex(f.author), this.yjsOwners) ?? plain;
  }

  /**
   * R53: applies the parent of an unreadable snapshot and the parent's tail, after checking
   * that the snapshot chains to that parent (R24) and the tail's clocks (R41). Returns the
   * error that makes the fallback impossible, if any.
   */
  private applyParent(
    snapshot: SnapshotFrame,
    parent: SnapshotFrame | null,
    tail: readonly UpdateFrame[],
  ): TrameError | null {
    const parentHead = parent ? headOf(parent) : null;
    if (!bytesEqual(snapshot.proof, snapshotProof(parentHead)) || snapshot.height !== (parent?.height ?? 0) + 1) {
      return new TrameError('FORK_DETECTED', 'the parent served does not chain to the latest snapshot');
    }
    const plain = parent ? this.openSnapshot(parent) : null;
    if (isTrameError(plain)) return plain;
    const clocks = checkTailClocks(
      tail.map((u) => ({ author: toHex(u.author), clock: u.clock, snapshotId: u.snapshotId })),
      snapshot.parentId,
      null,
    );
    if (!clocks.ok) return clocks.error;
    if (plain) Y.applyUpdate(this.shadow, plain, REMOTE);
    this.resetChains();
    this.applyTail(tail);
    return null;
  }

  /**
   * R73: the document's state is under an older key than the space's current one, and this
   * writer holds the new key: its next frame is a snapshot under the new key (the relay then
   * prunes the old-epoch snapshot and tail).
   */
  private needsMove(): boolean {
    const space = this.o.space;
    return this.docEpoch !== null && this.docEpoch < space.epoch && space.canWrite() && space.hasKey(space.epoch);
  }

  /**
   * R73: a STALE_EPOCH on a frame at our epoch means the relay knows a newer one: reload once to
   * fetch its ROTATE. A second time at the same epoch, the relay is behind us (a rollback):
   * false, and the edits are held here, reported, instead of reloading in a loop.
   */
  private reloadForEpoch(): boolean {
    if (this.staleEpochReloadAt === this.o.space.epoch) return false;
    this.staleEpochReloadAt = this.o.space.epoch;
    return true;
  }

  /** A snapshot this writer should replace with a readable one (R53). */
  private needsReplacement(): boolean {
    return this.replaceSnapshot && this.o.space.canWrite();
  }

  /** Set when the relay said our in-flight update's snapshot is no longer the latest. */
  private staleInflight = false;

  private onAck(a: AckFrame): void {
    const f = this.inflight;
    if (!f) return;
    if (!ackSettles(f, a)) return this.updateStatus();
    this.inflight = null;
    if (f.kind === 'update') {
      this.staleInflight = false;
      // R47: frames are forwarded at COMMIT and ACKs wait for the sync, so a snapshot built on
      // this update may have arrived first; the clock then belongs to the old snapshot.
      const onCurrent = bytesEqual(f.snapshotId, this.current?.id ?? ZERO_ID);
      if (!this.current) this.docEpoch ??= f.epoch;
      if (onCurrent && (this.clocks.get(this.meHex) ?? 0) < f.clock) {
        this.clocks.set(this.meHex, f.clock);
        this.links.set(this.meHex, f.link);
      }
      // R46: past the bound, compact now even while the person keeps typing: the shadow doc
      // already holds the pending edits, so the snapshot carries them (`includes`), and a tail
      // never grows without bound under continuous typing.
      // The ACK's tail counts are those of the update's snapshot: stale once another is current.
      // R53: a snapshot to replace goes too.
      if (this.needsReplacement() || (onCurrent && this.overCompactionBound(a.tailCount, a.tailBytes))) {
        this.publishSnapshot(this.pending.splice(0));
      } else this.flush();
    } else {
      this.adoptOwnSnapshot(f.head, f.epoch);
      this.replaceSnapshot = false;
      this.flush();
    }
    this.updateStatus();
  }

  /**
   * Our SNAPSHOT is the document's latest: its ACK came, or (R47: forwards do not wait for
   * the sync, ACKs do) another writer's frame built on it arrived first.
   */
  private adoptOwnSnapshot(head: SnapshotHead, epoch: number): void {
    // Its ACK may come after a child of it was already received and applied (R47: frames are
    // forwarded at COMMIT, ACKs wait for the sync): never step back to it.
    if (this.current && this.current.height >= head.height) return;
    this.current = head;
    this.docEpoch = epoch;
    this.resetChains();
  }

  /** Adopts our in-flight snapshot when a live frame shows the relay accepted it (R47). */
  private adoptIfBuiltOnOwnSnapshot(snapshotId: Uint8Array): void {
    const f = this.inflight;
    if (f?.kind === 'snapshot' && bytesEqual(f.head.id, snapshotId)) this.adoptOwnSnapshot(f.head, f.epoch);
  }

  private onError(e: ErrorFrame): void {
    const err = errorFromFrame(e);
    const f = this.inflight;
    if (
      f?.kind === 'update' &&
      e.refKind === FrameKind.Update &&
      bytesEqual(e.ref, f.snapshotId) &&
      e.refNumber === f.clock
    ) {
      const moved = this.o.space.epoch > f.epoch;
      const action = inflightUpdateErrorAction(err.code, moved);
      switch (err.code === 'STALE_EPOCH' && !moved && !this.reloadForEpoch() ? 'hold' : action) {
        case 'rebase':
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
        case 'resend':
          this.report(err);
          this.scheduleResend(f.frame);
          return;
        case 'hold':
          // Edits stay in this browser; they cannot be saved with this role.
          this.pending.unshift(f.content);
          this.inflight = null;
          this.report(err);
          this.updateStatus();
          return;
        case 'reload':
          this.report(err);
          this.pending.unshift(f.content);
          this.inflight = null;
          this.resync();
          return;
        case 'compact':
          // R65: the relay takes no more updates on this snapshot; the shadow doc holds this
          // content and the pending edits, so the next snapshot carries them (not an error).
          this.pending.unshift(f.content);
          this.inflight = null;
          this.publishSnapshot(this.pending.splice(0));
          this.updateStatus();
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
      // Another writer compacted first, or an update slipped in: not an error for the user
      // (ERRORS.md: invisible); the edits it carried are queued again and sent as an UPDATE.
      this.inflight = null;
      this.pending.unshift(...f.includes);
      if (err.code === 'STALE_EPOCH') {
        // R73: a newer epoch exists; with its key, move again at once, else fetch the ROTATE.
        if (this.o.space.epoch > f.epoch) this.publishSnapshot(this.pending.splice(0));
        else if (this.reloadForEpoch()) this.resync();
        else this.report(err);
        return this.updateStatus();
      }
      if (f.includes.length > 0 && !SNAPSHOT_RACES.has(err.code)) this.report(err);
      if (err.code === 'CHAIN_MISMATCH') return this.resync(); // R81: reload the links the relay holds
      this.flush();
      this.updateStatus();
      return;
    }
    this.report(err);
  }

  private scheduleResend(frame: Uint8Array): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        if (this.inflight?.frame === frame) this.conn?.send(frame);
      },
      300 + Math.random() * 400,
    );
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
      // R52: our own client ids are ours; nobody else may write under them.
      for (const c of readUpdateClients(delta)) if (!this.yjsOwners.has(c)) this.yjsOwners.set(c, this.meHex);
      this.pending.push(delta);
      this.flush();
      this.updateStatus();
    }
  }

  private flush(): void {
    if (this.inflight || !this.loaded || !this.conn || this.fatal || this.pending.length === 0) return;
    if (!this.o.space.canWrite()) return;
    // R73: on a document still under an older key, the first frame is a snapshot under the new one.
    if (this.needsMove()) return this.publishSnapshot(this.pending.splice(0));
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
    const clock = (this.clocks.get(this.meHex) ?? 0) + 1;
    const now = Date.now();
    const signed = this.signing.shouldSign(now);
    const f = sealUpdate(this.writer, this.current?.id ?? ZERO_ID, clock, content, this.links.get(this.meHex), signed);
    this.signing.sealed(signed, now);
    this.inflight = f;
    this.conn.send(f.frame);
    this.updateStatus();
  }

  private overCompactionBound(count: number, bytes: number): boolean {
    return this.o.space.canWrite() && isOverCompactionBound(this.compaction, count, bytes);
  }

  /**
   * R51: after an unsigned UPDATE, a signed checkpoint follows within `everyMs` even when the
   * author stops writing: an empty Yjs update, signed, which vouches for the chain before it.
   */
  private checkpoint(): void {
    if (this.destroyed) return;
    // The next frame will be signed; if none comes, try again once this one is acknowledged.
    if (this.inflight) return this.signing.deferCheckpoint();
    this.signing.checkpointNow();
    if (this.pending.length === 0) this.pending.push(EMPTY_YJS_UPDATE);
    this.flush();
  }

  /** R46: encode the shadow doc (snapshot + tail applied) as the next snapshot. */
  private publishSnapshot(includes: Uint8Array[]): void {
    if (this.inflight || !this.conn || !this.loaded) {
      this.pending.unshift(...includes);
      return;
    }
    const f = sealSnapshot(
      this.writer,
      this.current,
      this.clocks,
      this.links,
      Y.encodeStateAsUpdate(this.shadow),
      includes,
    );
    if (f.frame.length > LIMITS.maxSnapshotBytes) {
      this.pending.unshift(...includes);
      this.report(new TrameError('FRAME_TOO_LARGE', 'document is larger than a snapshot may be'));
      return;
    }
    this.inflight = f;
    this.lastContentSent = Date.now();
    this.conn.send(f.frame);
  }

  /** R55: records what this client has seen, durable or not. */
  private saveSeen(): void {
    const heads = documentHeadsOf(this.current, this.clocks);
    if (heads) this.o.headStore.set(this.seenKey, heads);
  }

  /** R56: a forwarded frame must be followed by DURABLE within the bound. */
  private forwarded(): void {
    this.saveSeen();
    if (this.durableTimer) return;
    this.durableTimer = setTimeout(() => {
      this.durableTimer = null;
      this.report(
        new TrameError(
          'DURABLE_MISSING',
          `no DURABLE from the relay within ${this.durableBoundMs} ms of a forwarded frame`,
        ),
      );
    }, this.durableBoundMs);
  }

  private durableSeen(): void {
    if (this.durableTimer) clearTimeout(this.durableTimer);
    this.durableTimer = null;
  }

  /** A new snapshot: clocks and chains start again (R20, R50). */
  private resetChains(): void {
    this.clocks = new Map();
    this.links = new Map();
  }

  // ---- status, errors ----

  private saveHeads(): void {
    const heads = documentHeadsOf(this.current, this.clocks);
    if (heads) this.o.headStore.set(this.headKey, heads);
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
    this.awareness.destroy();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.durableSeen();
    this.signing.destroy();
    if (this.recountTimer) clearTimeout(this.recountTimer);
    const conn = this.conn;
    this.conn = null;
    conn?.close(1000, 'closed');
    this.shadow.destroy();
  }
}
