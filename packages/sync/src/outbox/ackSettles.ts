import { bytesEqual, FrameKind, type AckFrame } from '@trame/protocol';
import type { Inflight } from './Inflight.js';

/** R14/R45: whether `ack` acknowledges the in-flight frame (same kind, snapshot and clock or id). */
export function ackSettles(f: Inflight, ack: Pick<AckFrame, 'ackedKind' | 'ref' | 'number'>): boolean {
  if (f.kind === 'update')
    return ack.ackedKind === FrameKind.Update && bytesEqual(ack.ref, f.snapshotId) && ack.number === f.clock;
  return ack.ackedKind === FrameKind.Snapshot && bytesEqual(ack.ref, f.head.id);
}
