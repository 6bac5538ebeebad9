import * as Y from 'yjs';
import { bytesEqual, encodeUpdateHeader, FrameKind, ZERO_HASH, ZERO_ID, type Frame } from '@trame/protocol';
import { chainLink, sealContentFrame } from '@trame/crypto';
import { fromHex, RelayConnection, UPDATE_MIN_INTERVAL_MS, type WebSocketConstructor } from '@trame/sync';
import { CountingWebSocket } from './CountingWebSocket.js';
import { spaceFor } from './openTrameEditor.js';
import type { TrameContext } from './TrameContext.js';
import type { Typist } from './Typist.js';
import { typistDoc } from './typistDoc.js';

const WS = CountingWebSocket as unknown as WebSocketConstructor;
const ERROR_STALE_SNAPSHOT = 3003;

/**
 * A raw Trame writer that follows the client's rules on the wire: every edit is encrypted and
 * signed, one UPDATE is unacknowledged at a time and later keys are merged into the next one
 * (R45), clocks restart on each new snapshot and a STALE_SNAPSHOT is re-sent on the latest one.
 * It reads only the headers of what it receives (no verification: it is load, not a reader).
 */
export async function openTrameTypist(
  url: string,
  ctx: TrameContext,
  room: string,
  identityIndex: number,
): Promise<Typist> {
  const space = await spaceFor(url, ctx, identityIndex);
  const state = space.state;
  const identity = space.identity;
  const docId = fromHex(room);
  let snapshotId: Uint8Array = ZERO_ID;
  let clock = 0;
  // R50/R80: each UPDATE names the link of this author's previous one on the snapshot.
  let prevLink: Uint8Array = ZERO_HASH;
  let sentLink: Uint8Array = ZERO_HASH;
  let inflight: Uint8Array | null = null;
  let pending: Uint8Array[] = [];
  let errors = 0;
  let live = false;
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));

  // Like the real client: one UPDATE in flight (R45) and at most one per UPDATE_MIN_INTERVAL_MS.
  let lastSent = 0;
  let flushTimer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    if (inflight || !live || pending.length === 0) return;
    const wait = lastSent + UPDATE_MIN_INTERVAL_MS - Date.now();
    if (wait > 0) {
      flushTimer ??= setTimeout(() => {
        flushTimer = null;
        flush();
      }, wait);
      return;
    }
    lastSent = Date.now();
    inflight = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
    pending = [];
    clock += 1;
    const header = encodeUpdateHeader({
      spaceId: state.spaceId,
      docId,
      epoch: state.epoch,
      snapshotId,
      author: identity.publicKey,
      clock,
      prevLink,
    });
    const frame = sealContentFrame(header, state.docKey(state.epoch, docId), inflight, identity);
    sentLink = chainLink(frame.subarray(0, frame.length - 64));
    conn.send(frame);
  };
  const onSnapshot = (id: Uint8Array): void => {
    if (bytesEqual(id, snapshotId)) return;
    snapshotId = id.slice();
    clock = 0;
    prevLink = ZERO_HASH;
  };
  const onFrame = (f: Frame): void => {
    switch (f.kind) {
      case FrameKind.Update:
        if (
          !live &&
          bytesEqual(f.author, identity.publicKey) &&
          bytesEqual(f.snapshotId, snapshotId) &&
          f.clock > clock
        ) {
          clock = f.clock;
          prevLink = chainLink(f.body);
        }
        return;
      case FrameKind.Snapshot:
        return onSnapshot(f.snapshotId);
      case FrameKind.Ready:
        onSnapshot(f.snapshotId);
        live = true;
        onReady();
        return flush();
      case FrameKind.Ack:
        if (f.ackedKind !== FrameKind.Update) return;
        if (bytesEqual(f.ref, snapshotId)) prevLink = sentLink;
        inflight = null;
        return flush();
      case FrameKind.Error:
        if (f.code === ERROR_STALE_SNAPSHOT && inflight) {
          // Re-send the same content on the latest snapshot (R45).
          pending.unshift(inflight);
          inflight = null;
          onSnapshot(f.latestSnapshotId);
          return flush();
        }
        errors++;
        return;
      default:
        return;
    }
  };
  const conn = new RelayConnection({
    url,
    identity,
    spaceId: state.spaceId,
    docId,
    knownMembershipSeq: state.seq,
    WebSocketImpl: WS,
    onFrame,
    onClose: () => {
      live = false;
    },
  });
  const { doc, typeChar } = typistDoc((u) => {
    pending.push(u);
    flush();
  });
  return {
    clientId: doc.clientID,
    ready,
    typeChar,
    errors: () => errors,
    close: () => {
      if (flushTimer) clearTimeout(flushTimer);
      conn.close(1000, 'done');
    },
  };
}
