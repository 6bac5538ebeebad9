import { encodeUpdateHeader } from '@trame/protocol';
import { sealContentFrame } from '@trame/crypto';
import type { InflightUpdate } from './Inflight.js';
import type { WriterContext } from './WriterContext.js';

/** An UPDATE carrying `content` on `snapshotId` with the author's next `clock` (§3.5, R20). */
export function sealUpdate(
  w: WriterContext,
  snapshotId: Uint8Array,
  clock: number,
  content: Uint8Array,
): InflightUpdate {
  const epoch = w.space.epoch;
  const header = encodeUpdateHeader({
    spaceId: w.space.spaceId,
    docId: w.docId,
    epoch,
    snapshotId,
    author: w.identity.publicKey,
    clock,
  });
  const frame = sealContentFrame(header, w.space.docKey(epoch, w.docId), content, w.identity);
  return { kind: 'update', frame, snapshotId, clock, content };
}
