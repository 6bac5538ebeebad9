import { writeDocument } from '../documents/writeDocument.js';
import type { DocumentTransaction } from '../storage/RelayStorage.js';
import type { Connection } from './Connection.js';

/** What to do with a document write's result: forward it at COMMIT, acknowledge it once durable. */
export interface DeliverySteps<T> {
  /**
   * R27: runs right after COMMIT, inside the document's queue, so other connections receive
   * frames in commit order without waiting for the disk. Returns whether a frame went out.
   */
  forward(result: T): boolean;
  /** R14: runs once the write is durable, in commit order. */
  ack(result: T): void;
}

/**
 * Runs one document write in the document's queue, forwards what it accepted at COMMIT and
 * acknowledges it once durable (R14, R27, R47). With a pipelined storage (ADR 0002) the write
 * queue moves on to the document's next frame while this one is synced; the delivery queue
 * keeps ACKs in acceptance order, and {@link DurabilityNotice} tells the other connections
 * when what they were forwarded is durable. `frame`: the bytes `write` will append, staged
 * ahead by a storage that keeps large frames apart (ADR 0009).
 */
export async function writeAndDeliver<T>(
  conn: Connection,
  write: (tx: DocumentTransaction) => Promise<T>,
  steps: DeliverySteps<T>,
  frame?: Uint8Array,
): Promise<void> {
  const { ctx } = conn;
  // ADR 0009: a large frame goes to disk apart first, outside the document's queue.
  const staged = frame && ctx.storage.stageFrame ? await ctx.storage.stageFrame(frame) : null;
  try {
    await writeAndDeliverStaged(conn, write, steps);
  } finally {
    staged?.release();
  }
}

async function writeAndDeliverStaged<T>(
  conn: Connection,
  write: (tx: DocumentTransaction) => Promise<T>,
  steps: DeliverySteps<T>,
): Promise<void> {
  const { ctx, target } = conn;
  const key = conn.roomKey!;
  const pending = await ctx.documentQueue.run(key, async () => {
    const { value, durable } = await writeDocument(ctx.storage, target.spaceId, target.docId, write);
    if (!durable) {
      if (steps.forward(value)) ctx.durability.delivered(key);
      steps.ack(value);
      return null;
    }
    // Counted before it goes out, so that no DURABLE can claim it before its sync returned.
    ctx.durability.forwarded(key);
    steps.forward(value);
    // A failed sync leaves the count up: no DURABLE will ever cover that frame.
    return {
      done: ctx.deliveryQueue.run(key, () =>
        durable.then(() => {
          steps.ack(value);
          ctx.durability.synced(key);
        }),
      ),
    };
  });
  if (pending) await pending.done;
}
