import { encodeAck, FrameKind, toHex, type SnapshotFrame } from '@trame/protocol';
import { checkContentTarget } from '../checks/checkContentTarget.js';
import { checkSpaceQuota } from '../checks/checkSpaceQuota.js';
import { acceptSnapshot } from '../documents/acceptSnapshot.js';
import type { LiveFrame } from '../hub/LiveFrame.js';
import type { DocumentTransaction } from '../storage/RelayStorage.js';
import type { Connection } from './Connection.js';
import { writeAndDeliver } from './writeAndDeliver.js';

/** R23-R28: like {@link handleUpdate}, for a SNAPSHOT. */
export async function handleSnapshot(conn: Connection, frame: SnapshotFrame): Promise<void> {
  const { ctx } = conn;
  const target = conn.target;
  checkContentTarget(frame, target);
  const docKey = conn.docKey!;
  ctx.fanout.checkWritable();
  const { maxStoredBytesPerSpace, storedBytesSnapshotHeadroom } = ctx.limits;
  const write = async (tx: DocumentTransaction): Promise<Awaited<ReturnType<typeof acceptSnapshot>>> => {
    // R67: a re-sent snapshot already stored is still acknowledged as a duplicate (R26).
    if (maxStoredBytesPerSpace > 0 && !(await tx.findSnapshot(frame.snapshotId))) {
      try {
        const stored = await tx.storedBytes();
        checkSpaceQuota(stored.space, frame.raw.length, true, maxStoredBytesPerSpace, storedBytesSnapshotHeadroom);
      } catch (e) {
        ctx.metrics.quotaHit('space_stored_bytes');
        throw e;
      }
    }
    return acceptSnapshot(tx, frame);
  };
  await writeAndDeliver(
    conn,
    write,
    {
      forward: (result) => {
        if (result.verdict === 'duplicate') return false;
        conn.log('info', 'snapshot.accepted', { height: frame.height, bytes: frame.raw.length });
        const live: LiveFrame = {
          kind: 'snapshot',
          snapshotId: toHex(frame.snapshotId),
          height: frame.height,
          raw: frame.raw,
        };
        ctx.fanout.publishDocument(conn.spaceKey, docKey, live, result.head.seq, conn);
        return true;
      },
      ack: (result) =>
        conn.send(
          encodeAck({
            ackedKind: FrameKind.Snapshot,
            ref: frame.snapshotId,
            number: frame.height,
            tailCount: result.head.tailCount,
            tailBytes: result.head.tailBytes,
            duplicate: result.verdict === 'duplicate',
          }),
        ),
    },
    frame.raw,
  );
}
