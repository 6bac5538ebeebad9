import { decodeFrame, FrameKind, toHex } from '@trame/protocol';
import type { LiveFrame } from '../hub/LiveFrame.js';

/**
 * The hub's view of a frame that arrived from another instance or from storage: parsed
 * strictly (a corrupt message throws rather than reaching a client), nothing decrypted.
 */
export function liveFrameOf(raw: Uint8Array): LiveFrame {
  const f = decodeFrame(raw);
  switch (f.kind) {
    case FrameKind.Update:
      return { kind: 'update', snapshotId: toHex(f.snapshotId), author: toHex(f.author), clock: f.clock, raw };
    case FrameKind.Snapshot:
      return { kind: 'snapshot', snapshotId: toHex(f.snapshotId), height: f.height, raw };
    case FrameKind.Membership:
      return { kind: 'membership', seq: f.seq, raw };
    case FrameKind.Ephemeral:
      return { kind: 'ephemeral', raw };
    default:
      throw new Error(`a ${f.kind} frame is not fanned out`);
  }
}
