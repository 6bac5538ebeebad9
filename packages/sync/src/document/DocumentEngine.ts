import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { ObservableV2 } from 'lib0/observable';
import {
  CloseCode,
  FrameKind,
  isTrameError,
  LIMITS,
  shouldRetryClose,
  toHex,
  TrameError,
  type Frame,
  type ReadyFrame,
  type SnapshotFrame,
  type UpdateFrame,
} from '@trame/protocol';
import { DEFAULT_SIGNATURE_POLICY } from '../outbox/mustSign.js';
import { defaultMembershipView } from '../outbox/defaultMembershipView.js';
import type { WriterContext } from '../outbox/WriterContext.js';
import { Outbox } from '../outbox/Outbox.js';
import { RelayConnection } from '../connection/RelayConnection.js';
import { finalCloseError } from '../connection/finalCloseError.js';
import { AwarenessChannel } from '../awareness/AwarenessChannel.js';
import { DurabilityWatch } from '../heads/DurabilityWatch.js';
import type { TransportEnd, TransportPort } from '../transport/TransportPort.js';
import { DocumentReplica } from './DocumentReplica.js';
import type { DocumentStatus } from './DocumentStatus.js';
import type { DocumentEngineOptions } from './DocumentEngineOptions.js';
import { errorFromFrame } from './errorFromFrame.js';
import { RemoteFrames, type LoadingState } from './RemoteFrames.js';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, syncMessage } from './syncMessage.js';

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

/** Local close code for a verification failure: final, so the provider stops reconnecting. */
const CLOSE_VERIFICATION_FAILED = CloseCode.ProtocolError;
/** Local close code asking the provider to reconnect and reload the state. */
const CLOSE_RESYNC = 4520;

/**
 * The client side of one document: it holds the relay connection and plays, for y-websocket's
 * provider, the server side of the y-websocket protocol (docs/adr/0001-encrypting-transport.md).
 * It routes the relay's frames and keeps the status; its parts do the rest: the replica (a
 * shadow Y.Doc of everything the relay has or will receive from us, with the clocks and links
 * on its snapshot), the remote frames (verified and applied: R40-R43, R50-R55, R57), the outbox
 * (signed, encrypted UPDATEs one at a time, compaction: R45, R46, R51, R73), the durability
 * watch (R55, R56) and the awareness channel (R44, R58).
 */
export class DocumentEngine extends ObservableV2<EngineEvents> implements TransportPort {
  private readonly replica = new DocumentReplica();
  private readonly remote: RemoteFrames;
  private readonly outbox: Outbox;
  private readonly durability: DurabilityWatch;
  private readonly awareness: AwarenessChannel;
  private transport: TransportEnd | null = null;
  private conn: RelayConnection | null = null;
  /** The initial state being received, and what the HELLO said this client holds (R48). */
  private loading: LoadingState | null = null;
  private loaded = false;
  private fatal: TrameError | null = null;
  private status: DocumentStatus = 'connecting';
  private destroyed = false;

  constructor(private readonly o: DocumentEngineOptions) {
    super();
    const headKey = `${o.space.spaceIdHex}:${toHex(o.docId)}`;
    const writer: WriterContext = {
      identity: o.identity,
      space: o.space,
      docId: o.docId,
      membershipView: o.membershipView ?? (() => defaultMembershipView(o.space)),
    };
    const report = (e: TrameError): void => this.report(e);
    const resync = (): void => this.resync();
    this.durability = new DurabilityWatch({
      headStore: o.headStore,
      durableKey: headKey,
      seenKey: `${headKey}:seen`,
      boundMs: o.durableBoundMs ?? DURABLE_BOUND_MS,
      heads: () => this.replica.heads(),
      report,
    });
    this.remote = new RemoteFrames({
      replica: this.replica,
      space: o.space,
      docId: o.docId,
      port: { report, resync, fail: (e) => this.failVerification(e), isLoaded: () => this.loaded },
    });
    this.outbox = new Outbox({
      replica: this.replica,
      writer,
      compaction: o.compaction ?? { afterUpdates: LIMITS.compactAfterUpdates, afterBytes: LIMITS.compactAfterBytes },
      ...(o.minUpdateIntervalMs !== undefined ? { minUpdateIntervalMs: o.minUpdateIntervalMs } : {}),
      signaturePolicy: o.signaturePolicy ?? DEFAULT_SIGNATURE_POLICY,
      port: {
        isLive: () => this.loaded && this.conn !== null,
        isFatal: () => this.fatal !== null,
        send: (frame) => this.conn?.send(frame),
        report,
        resync,
        statusChanged: () => this.updateStatus(),
      },
    });
    this.awareness = new AwarenessChannel({
      membershipView: writer.membershipView,
      identity: o.identity,
      space: o.space,
      docId: o.docId,
      awareness: o.awareness,
      canSend: () => this.loaded && this.conn !== null,
      send: (frame) => this.conn?.send(frame),
      deliver: (m) => this.transport?.deliver(m),
      report,
    });
  }

  get currentStatus(): DocumentStatus {
    return this.status;
  }

  /** Local edits not yet acknowledged by the relay. */
  get hasUnsavedChanges(): boolean {
    return this.outbox.hasUnsavedChanges;
  }

  get canWrite(): boolean {
    return this.o.space.canWrite();
  }

  /** R73: the key epoch of the document's state (see {@link DocumentReplica.docEpoch}). */
  get keyEpoch(): number | null {
    return this.replica.docEpoch;
  }

  /**
   * R52: which author (hex key, a device key under protocol 4) each Yjs client id this client
   * saw on the document belongs to: from verified UPDATEs, live or in a loaded tail, and its own
   * local edits. Read-only: R116 reads it to check author claims.
   */
  get yjsOwners(): ReadonlyMap<number, string> {
    return this.replica.yjsOwners;
  }

  /** The latest snapshot this client holds, hex (empty before the first). */
  get snapshotIdHex(): string {
    return this.replica.current ? toHex(this.replica.current.id) : '';
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
        t.deliver(syncMessage(SYNC_STEP2, Y.encodeStateAsUpdate(this.replica.shadow, payload)));
      } else if (step === SYNC_STEP2 || step === SYNC_UPDATE) {
        this.outbox.addLocal(payload);
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
    const { knownSnapshotId, knownTailCount, withParent } = this.remote.hello();
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
      withParent,
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
    this.durability.durableSeen();
    this.conn = null;
    this.loading = null;
    this.loaded = false;
    this.outbox.connectionClosed();
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
        return this.outbox.afterMembership();
      case FrameKind.Ack:
        return this.outbox.onAck(f);
      case FrameKind.Durable:
        // R47: what the relay sent before this is durable; only now may it bound a rollback (R42).
        this.durability.durableSeen();
        return this.durability.saveDurable();
      case FrameKind.Error:
        return this.outbox.onError(f);
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

  private finishLoading(ready: ReadyFrame): void {
    const loading = this.loading!;
    this.loading = null;
    const applied = this.remote.loadInitialState(loading, ready, {
      durable: this.durability.durable,
      seen: this.durability.seen,
    });
    if (!applied) return;
    this.outbox.resolveAfterLoad(applied.snapshot);
    this.durability.saveSeen();
    this.loaded = true;
    this.transport?.markOpen();
    // Ask the provider for what the relay lacks: edits made offline.
    this.transport?.deliver(syncMessage(SYNC_STEP1, Y.encodeStateVector(this.replica.shadow)));
    this.outbox.resendInflight();
    this.updateStatus();
    this.awareness.send();
    this.outbox.afterLoad(ready.tailCount, ready.tailBytes);
  }

  private onRemoteUpdate(f: UpdateFrame): void {
    this.outbox.adoptIfBuiltOnOwnSnapshot(f.snapshotId);
    const applied = this.remote.receiveUpdate(f);
    if (!applied) return;
    this.durability.forwarded();
    if (applied.delta) this.transport?.deliver(syncMessage(SYNC_UPDATE, applied.delta));
  }

  private onRemoteSnapshot(f: SnapshotFrame): void {
    this.outbox.adoptIfBuiltOnOwnSnapshot(f.parentId);
    const applied = this.remote.receiveSnapshot(f, this.outbox.hasUnsavedChanges);
    if (!applied) return;
    this.durability.forwarded();
    if (applied.delta) this.transport?.deliver(syncMessage(SYNC_UPDATE, applied.delta));
    this.outbox.afterRemoteSnapshot();
  }

  // ---- status, errors ----

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
    this.outbox.destroy();
    this.durability.durableSeen();
    this.remote.destroy();
    const conn = this.conn;
    this.conn = null;
    conn?.close(1000, 'closed');
    this.replica.destroy();
  }
}
