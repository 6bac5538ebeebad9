import { encodeUpdateHeader, ZERO_HASH } from '@trame/protocol';
import { chainLink, sealContentFrame } from '@trame/crypto';
import type { InflightUpdate } from './Inflight.js';
import type { WriterContext } from './WriterContext.js';

/**
 * An UPDATE carrying `content` on `snapshotId` with the author's next `clock` (§3.5, R20),
 * chained to the author's previous UPDATE there (`prevLink`, R50).
 */
export function sealUpdate(
  w: WriterContext,
  snapshotId: Uint8Array,
  clock: number,
  content: Uint8Array,
  prevLink: Uint8Array = ZERO_HASH,
  signed = true,
): InflightUpdate {
  const epoch = w.space.epoch;
  const header = encodeUpdateHeader({
    spaceId: w.space.spaceId,
    docId: w.docId,
    epoch,
    snapshotId,
    author: w.identity.publicKey,
    clock,
    ...w.membershipView(),
    prevLink,
    signed,
  });
  const frame = sealContentFrame(header, w.space.docKey(epoch, w.docId), content, w.identity);
  const body = signed ? frame.subarray(0, frame.length - 64) : frame;
  return { kind: 'update', frame, snapshotId, clock, content, link: chainLink(body), signed, epoch };
}
