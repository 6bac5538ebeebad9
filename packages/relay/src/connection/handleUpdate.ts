import { encodeAck, FrameKind, toHex, type UpdateFrame } from '@trame/protocol';
import { checkContentTarget } from '../checks/checkContentTarget.js';
import { acceptUpdate } from '../documents/acceptUpdate.js';
import { writeDocument } from '../documents/writeDocument.js';
import type { LiveFrame } from '../hub/LiveFrame.js';
import type { Connection } from './Connection.js';

/**
 * R20-R23, R27: check and store in one document transaction, inside the document's queue;
 * ACK only after the commit (R14), then forward the frame unchanged to the document's other
 * connections, so they receive frames in acceptance order.
 */
export async function handleUpdate(conn: Connection, frame: UpdateFrame): Promise<void> {
  const { ctx } = conn;
  const target = conn.target;
  checkContentTarget(frame, target);
  const docKey = conn.docKey!;
  ctx.fanout.checkWritable();
  const key = `${conn.spaceKey}/${docKey}`;
  const pending = await ctx.documentQueue.run(key, async () => {
    const { value: result, durable } = await writeDocument(ctx.storage, target.spaceId, target.docId, (tx) =>
      acceptUpdate(tx, frame),
    );
    const deliver = (): void => {
      conn.send(
        encodeAck({
          ackedKind: FrameKind.Update,
          ref: frame.snapshotId,
          number: frame.clock,
          tailCount: result.head.tailCount,
          tailBytes: result.head.tailBytes,
          duplicate: result.verdict === 'duplicate',
        }),
      );
      if (result.verdict === 'duplicate') return;
      const live: LiveFrame = {
        kind: 'update',
        snapshotId: toHex(frame.snapshotId),
        author: conn.identityKey,
        clock: frame.clock,
        raw: frame.raw,
      };
      ctx.fanout.publishDocument(conn.spaceKey, docKey, live, result.head.seq, conn);
    };
    if (!durable) {
      deliver();
      return null;
    }
    // Pipelined commit (ADR 0002): the write queue moves on to the document's next frame while
    // this one is synced; ACK and forward keep acceptance order in the delivery queue.
    return { done: ctx.deliveryQueue.run(key, () => durable.then(deliver)) };
  });
  if (pending) await pending.done;
}
