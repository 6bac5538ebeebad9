import { isZero, type AuthorClock } from '@trame/protocol';
import type { DocumentHead, DocumentTransaction } from '../storage/RelayStorage.js';

/** Offset of `epoch` in UPDATE and SNAPSHOT frames (§3.5, §3.6). */
const EPOCH_OFFSET = 34;

function epochOf(raw: Uint8Array | null): number | null {
  if (!raw || raw.length < EPOCH_OFFSET + 4) return null;
  return new DataView(raw.buffer, raw.byteOffset, raw.byteLength).getUint32(EPOCH_OFFSET);
}

/**
 * R73: the key epoch of what a new snapshot replaces (the latest snapshot, or with none the
 * first author's update in the tail); null for an empty document. Reads one stored frame; run
 * only for a SNAPSHOT (rare), never for an UPDATE.
 */
export async function parentEpoch(
  tx: DocumentTransaction,
  head: DocumentHead,
  tailClocks: readonly AuthorClock[],
): Promise<number | null> {
  if (!isZero(head.snapshotId)) return epochOf(await tx.findSnapshot(head.snapshotId));
  const first = tailClocks[0];
  return first ? epochOf(await tx.findUpdate(head.snapshotId, first.author, 1)) : null;
}
