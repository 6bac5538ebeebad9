import { writeDocument } from '../documents/writeDocument.js';
import type { DocumentTransaction } from '../storage/RelayStorage.js';
import type { Connection } from './Connection.js';

/**
 * Runs one document write in the document's queue and then `deliver` (ACK, forward) once the
 * write is durable (R14, R27). With a pipelined storage (ADR 0002) the write queue moves on to
 * the document's next frame while this one is synced; the delivery queue keeps acceptance order.
 */
export async function writeAndDeliver<T>(
  conn: Connection,
  write: (tx: DocumentTransaction) => Promise<T>,
  deliver: (result: T) => void,
): Promise<void> {
  const { ctx, target } = conn;
  const key = `${conn.spaceKey}/${conn.docKey!}`;
  const pending = await ctx.documentQueue.run(key, async () => {
    const { value, durable } = await writeDocument(ctx.storage, target.spaceId, target.docId, write);
    if (!durable) {
      deliver(value);
      return null;
    }
    return { done: ctx.deliveryQueue.run(key, () => durable.then(() => deliver(value))) };
  });
  if (pending) await pending.done;
}
