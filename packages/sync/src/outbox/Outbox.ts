import * as Y from 'yjs';
import {
  bytesEqual,
  FrameKind,
  isZero,
  LIMITS,
  toHex,
  TrameError,
  type AckFrame,
  type ErrorFrame,
  type SnapshotFrame,
} from '@trame/protocol';
import type { DocumentReplica } from '../document/DocumentReplica.js';
import { applyAndCapture } from '../document/applyAndCapture.js';
import { errorFromFrame } from '../document/errorFromFrame.js';
import { readUpdateClients } from '../document/readUpdateClients.js';
import { UPDATE_MIN_INTERVAL_MS } from '../document/updateMinIntervalMs.js';
import { EpochReloadGuard } from '../rotation/EpochReloadGuard.js';
import { needsEpochMove } from '../rotation/needsEpochMove.js';
import { ackSettles } from './ackSettles.js';
import type { CompactionPolicy } from './CompactionPolicy.js';
import { EMPTY_YJS_UPDATE, hasUnsavedEdits } from './hasUnsavedEdits.js';
import type { Inflight } from './Inflight.js';
import { inflightUpdateErrorAction } from './inflightUpdateErrorAction.js';
import { isOverCompactionBound } from './isOverCompactionBound.js';
import type { SignaturePolicy } from './mustSign.js';
import { resolveInflightAfterLoad } from './resolveInflightAfterLoad.js';
import { sealSnapshot } from './sealSnapshot.js';
import { sealUpdate } from './sealUpdate.js';
import { SignatureSchedule } from './SignatureSchedule.js';
import type { WriterContext } from './WriterContext.js';

const LOCAL = Symbol('trame-local');
/** Room left in an UPDATE frame for its header, nonce, tag and signature. */
const UPDATE_OVERHEAD = 1024;

/** Refusals of a SNAPSHOT that only mean another writer or update came first (R24, R25). */
const SNAPSHOT_RACES: ReadonlySet<string> = new Set(['SNAPSHOT_CONFLICT', 'SNAPSHOT_INCOMPLETE', 'STALE_SNAPSHOT']);

/** What the outbox asks of the engine. */
export interface OutboxPort {
  /** Connected and the initial state applied: frames may be sent. */
  isLive(): boolean;
  /** The relay served a state that does not verify: nothing more is sent. */
  isFatal(): boolean;
  /** Sends a frame on the current connection, if any. */
  send(frame: Uint8Array): void;
  report(e: TrameError): void;
  /** Reload the state from the relay. */
  resync(): void;
  /** Pending or in-flight edits changed: the status may have. */
  statusChanged(): void;
}

export interface OutboxOptions {
  replica: DocumentReplica;
  writer: WriterContext;
  compaction: CompactionPolicy;
  /** Least time between two content frames (default 16 ms). */
  minUpdateIntervalMs?: number;
  signaturePolicy: SignaturePolicy;
  port: OutboxPort;
}

/**
 * A writer's side of one document: local edits wait in `pending`; one content frame at a time is
 * in flight until its ACK (R45: later edits are merged into the next UPDATE); a refused frame is
 * re-sent, rebased on the latest snapshot or held (R45, R65, R73); past the tail's bound the
 * shadow document is published as a SNAPSHOT (R46); UPDATEs are chained and sparsely signed with
 * idle checkpoints (R50, R51); a document under an older key moves to the new one (R73).
 */
export class Outbox {
  private pending: Uint8Array[] = [];
  private inflight: Inflight | null = null;
  /** Set when the relay said our in-flight update's snapshot is no longer the latest. */
  private staleInflight = false;
  /** R73: a STALE_EPOCH reloads once per epoch. */
  private readonly epochReload = new EpochReloadGuard();
  /** R51: which UPDATE is signed, and the checkpoint after unsigned ones. */
  private readonly signing: SignatureSchedule;
  private readonly meHex: string;
  private lastContentSent = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(private readonly o: OutboxOptions) {
    this.meHex = toHex(o.writer.identity.publicKey);
    this.signing = new SignatureSchedule(o.signaturePolicy, () => this.checkpoint());
  }

  /** Local edits not yet acknowledged by the relay. */
  get hasUnsavedChanges(): boolean {
    return hasUnsavedEdits(this.pending, this.inflight);
  }

  /** A local edit from the provider: applied to the shadow document and queued. */
  addLocal(update: Uint8Array): void {
    const r = this.o.replica;
    const delta = applyAndCapture(r.shadow, update, LOCAL);
    if (delta) {
      // R52: our own client ids are ours; nobody else may write under them.
      for (const c of readUpdateClients(delta)) if (!r.yjsOwners.has(c)) r.yjsOwners.set(c, this.meHex);
      this.pending.push(delta);
      this.flush();
      this.o.port.statusChanged();
    }
  }

  /** R45: after a reload, the unacknowledged frame landed, is sent again, or is rebased. */
  resolveAfterLoad(snapshot: SnapshotFrame | null): void {
    if (!this.inflight) return;
    const r = resolveInflightAfterLoad(
      this.inflight,
      this.o.replica.currentId,
      this.o.replica.clockOf(this.meHex),
      snapshot,
      this.o.writer.identity.publicKey,
    );
    if (r.action === 'resend') return;
    if (r.action === 'requeue') this.pending.unshift(...r.content);
    this.inflight = null;
  }

  /** After a reload: the unacknowledged frame, if any, goes again unchanged (R21, R45). */
  resendInflight(): void {
    if (this.inflight) this.o.port.send(this.inflight.frame);
  }

  /**
   * After a reload: queued edits go out, and with nothing to send a snapshot is published when
   * the served one must be replaced (R53), the document moved to the new key (R73) or the tail
   * compacted (R46, the READY's counts).
   */
  afterLoad(tailCount: number, tailBytes: number): void {
    this.flush();
    if (
      !this.inflight &&
      this.pending.length === 0 &&
      (this.needsReplacement() || this.needsMove() || this.overCompactionBound(tailCount, tailBytes))
    ) {
      this.publishSnapshot([]);
    }
  }

  /** A MEMBERSHIP entry was applied. R73: after a ROTATE, a writer moves the document at once. */
  afterMembership(): void {
    if (!this.inflight && this.needsMove()) this.publishSnapshot(this.pending.splice(0));
    else this.flush();
  }

  /** Adopts our in-flight snapshot when a live frame shows the relay accepted it (R47). */
  adoptIfBuiltOnOwnSnapshot(snapshotId: Uint8Array): void {
    const f = this.inflight;
    if (f?.kind === 'snapshot' && bytesEqual(f.head.id, snapshotId)) this.o.replica.adoptOwnSnapshot(f.head, f.epoch);
  }

  /** A live snapshot was applied: rebase the in-flight update (R45), or replace it (R53). */
  afterRemoteSnapshot(): void {
    if (this.inflight?.kind === 'update' && this.staleInflight) this.rebaseInflight();
    else if (!this.inflight && this.pending.length === 0 && this.needsReplacement()) this.publishSnapshot([]);
  }

  onAck(a: AckFrame): void {
    const f = this.inflight;
    if (!f) return;
    if (!ackSettles(f, a)) return this.o.port.statusChanged();
    const r = this.o.replica;
    this.inflight = null;
    if (f.kind === 'update') {
      this.staleInflight = false;
      // R47: frames are forwarded at COMMIT and ACKs wait for the sync, so a snapshot built on
      // this update may have arrived first; the clock then belongs to the old snapshot.
      const onCurrent = bytesEqual(f.snapshotId, r.currentId);
      if (!r.current) r.docEpoch ??= f.epoch;
      if (onCurrent && r.clockOf(this.meHex) < f.clock) {
        r.clocks.set(this.meHex, f.clock);
        r.links.set(this.meHex, f.link);
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
      r.adoptOwnSnapshot(f.head, f.epoch);
      r.replaceSnapshot = false;
      this.flush();
    }
    this.o.port.statusChanged();
  }

  onError(e: ErrorFrame): void {
    const err = errorFromFrame(e);
    const f = this.inflight;
    const space = this.o.writer.space;
    const current = this.o.replica.current;
    if (
      f?.kind === 'update' &&
      e.refKind === FrameKind.Update &&
      bytesEqual(e.ref, f.snapshotId) &&
      e.refNumber === f.clock
    ) {
      const moved = space.epoch > f.epoch;
      const action = inflightUpdateErrorAction(err.code, moved);
      switch (err.code === 'STALE_EPOCH' && !moved && !this.epochReload.mayReload(space.epoch) ? 'hold' : action) {
        case 'rebase':
          // R45: re-send the content on the latest snapshot once we hold it.
          this.staleInflight = true;
          if (current && !bytesEqual(current.id, f.snapshotId)) this.rebaseInflight();
          else if (!isZero(e.latestSnapshotId) && !(current && bytesEqual(current.id, e.latestSnapshotId))) {
            // The forwarded snapshot may still be on its way; if it is not, a reload fetches it.
            this.retryTimer = setTimeout(() => {
              if (this.staleInflight) this.o.port.resync();
            }, 1000);
          }
          return;
        case 'resend':
          this.o.port.report(err);
          this.scheduleResend(f.frame);
          return;
        case 'hold':
          // Edits stay in this browser; they cannot be saved with this role.
          this.pending.unshift(f.content);
          this.inflight = null;
          this.o.port.report(err);
          this.o.port.statusChanged();
          return;
        case 'reload':
          this.o.port.report(err);
          this.pending.unshift(f.content);
          this.inflight = null;
          this.o.port.resync();
          return;
        case 'compact':
          // R65: the relay takes no more updates on this snapshot; the shadow doc holds this
          // content and the pending edits, so the next snapshot carries them (not an error).
          this.pending.unshift(f.content);
          this.inflight = null;
          this.publishSnapshot(this.pending.splice(0));
          this.o.port.statusChanged();
          return;
      }
    }
    if (f && (err.code === 'RATE_LIMITED' || err.code === 'UNAVAILABLE') && e.refKind === 0) {
      // Refused before the frame was read: send the same frame again later (R21 makes it safe).
      this.o.port.report(err);
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
        if (space.epoch > f.epoch) this.publishSnapshot(this.pending.splice(0));
        else if (this.epochReload.mayReload(space.epoch)) this.o.port.resync();
        else this.o.port.report(err);
        return this.o.port.statusChanged();
      }
      if (f.includes.length > 0 && !SNAPSHOT_RACES.has(err.code)) this.o.port.report(err);
      if (err.code === 'CHAIN_MISMATCH') return this.o.port.resync(); // R81: reload the links the relay holds
      this.flush();
      this.o.port.statusChanged();
      return;
    }
    this.o.port.report(err);
  }

  /** The connection ended: a pending resend waits for the next one (R45 after the reload). */
  connectionClosed(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  /** Sends the pending edits as one UPDATE when nothing is in flight (R45), paced and signed (R51). */
  flush(): void {
    if (this.inflight || !this.o.port.isLive() || this.o.port.isFatal() || this.pending.length === 0) return;
    const space = this.o.writer.space;
    if (!space.canWrite()) return;
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
    const r = this.o.replica;
    const clock = r.clockOf(this.meHex) + 1;
    const now = Date.now();
    const signed = this.signing.shouldSign(now);
    const f = sealUpdate(this.o.writer, r.currentId, clock, content, r.links.get(this.meHex), signed);
    this.signing.sealed(signed, now);
    this.inflight = f;
    this.o.port.send(f.frame);
    this.o.port.statusChanged();
  }

  destroy(): void {
    this.destroyed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.signing.destroy();
  }

  /** R73: see {@link needsEpochMove}. */
  private needsMove(): boolean {
    return needsEpochMove(this.o.replica.docEpoch, this.o.writer.space);
  }

  /** A snapshot this writer should replace with a readable one (R53). */
  private needsReplacement(): boolean {
    return this.o.replica.replaceSnapshot && this.o.writer.space.canWrite();
  }

  private overCompactionBound(count: number, bytes: number): boolean {
    return this.o.writer.space.canWrite() && isOverCompactionBound(this.o.compaction, count, bytes);
  }

  private scheduleResend(frame: Uint8Array): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        if (this.inflight?.frame === frame) this.o.port.send(frame);
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
    if (this.inflight || !this.o.port.isLive()) {
      this.pending.unshift(...includes);
      return;
    }
    const r = this.o.replica;
    const f = sealSnapshot(this.o.writer, r.current, r.clocks, r.links, Y.encodeStateAsUpdate(r.shadow), includes);
    if (f.frame.length > LIMITS.maxSnapshotBytes) {
      this.pending.unshift(...includes);
      this.o.port.report(new TrameError('FRAME_TOO_LARGE', 'document is larger than a snapshot may be'));
      return;
    }
    this.inflight = f;
    this.lastContentSent = Date.now();
    this.o.port.send(f.frame);
  }
}
