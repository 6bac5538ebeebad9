import { encodeAck, FrameKind, toHex, type UpdateFrame } from '@trame/protocol';
import { checkContentTarget } from '../checks/checkContentTarget.js';
import { checkSpaceQuota } from '../checks/checkSpaceQuota.js';
import { checkTailBound } from '../checks/checkTailBound.js';
import { storedChainLink } from '../checks/storedChainLink.js';
import { acceptUpdate } from '../documents/acceptUpdate.js';
import type { LiveFrame } from '../hub/LiveFrame.js';
import type { Connection } from './Connection.js';
import { writeAndDeliver } from './writeAndDeliver.js';

/**
 * R20-R23, R27: check and store in one document transaction, inside the document's queue;
 * forward the frame unchanged to the document's other connections at COMMIT, so they receive
 * frames in acceptance order, and ACK only once it is durable (R14, R47).
 */
export async function handleUpdate(conn: Connection, frame: UpdateFrame): Promise<void> {
  const { ctx } = conn;
  const target = conn.target;
  checkContentTarget(frame, target);
  const docKey = conn.docKey!;
  ctx.fanout.checkWritable();
  const { maxTailUpdates, maxTailBytes, maxStoredBytesPerSpace } = ctx.limits;
  await writeAndDeliver(
    conn,
    async (tx) => {
      // R65: a re-sent update already stored is still acknowledged as a duplicate (R21).
      const head = await tx.head();
      if (!(await tx.findUpdate(frame.snapshotId, frame.author, frame.clock))) {
        try {
          checkTailBound(head, frame.raw.length, maxTailUpdates, maxTailBytes);
        } catch (e) {
          ctx.metrics.quotaHit('tail');
          throw e;
        }
        if (maxStoredBytesPerSpace > 0) {
          try {
            const stored = await tx.storedBytes();
            checkSpaceQuota(stored.space, frame.raw.length, false, maxStoredBytesPerSpace, 0);
          } catch (e) {
            ctx.metrics.quotaHit('space_stored_bytes');
            throw e;
          }
        }
      }
      // R117: the author's previous link, remembered when it was accepted here, saves reading it back.
      return acceptUpdate(
        tx,
        frame,
        ctx.chainLinks.get(conn.roomKey!, frame.snapshotId, conn.identityKey, frame.clock - 1),
      );
    },
    {
      forward: (result) => {
        if (result.verdict === 'duplicate') return false;
        // After COMMIT, in the document's queue: the author's next update chains to this one.
        ctx.chainLinks.set(conn.roomKey!, frame.snapshotId, conn.identityKey, frame.clock, storedChainLink(frame.raw));
        const live: LiveFrame = {
          kind: 'update',
          snapshotId: toHex(frame.snapshotId),
          author: conn.identityKey,
          clock: frame.clock,
          raw: frame.raw,
        };
        ctx.fanout.publishDocument(conn.spaceKey, docKey, live, result.head.seq, conn);
        return true;
      },
      ack: (result) =>
        conn.send(
          encodeAck({
            ackedKind: FrameKind.Update,
            ref: frame.snapshotId,
            number: frame.clock,
            tailCount: result.head.tailCount,
            tailBytes: result.head.tailBytes,
            duplicate: result.verdict === 'duplicate',
          }),
        ),
    },
    frame.raw,
  );
}
