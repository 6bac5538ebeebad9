import type { UpdateFrame } from '@trame/protocol';
import { checkUpdate } from '../checks/checkUpdate.js';
import { checkWriter } from '../checks/checkWriter.js';
import { checkUpdateChain } from '../checks/checkUpdateChain.js';
import { storedChainLink } from '../checks/storedChainLink.js';
import type { WriteVerdict } from '../checks/WriteVerdict.js';
import type { DocumentHead, DocumentTransaction } from '../storage/RelayStorage.js';

/** Outcome of a document write: what happened and the document's head afterwards. */
export interface WriteResult {
  verdict: WriteVerdict;
  head: DocumentHead;
}

/**
 * Runs inside one document transaction (R29): reads what the checks need, decides with the
 * shared pure checks, and stores the update when accepted. Throws TrameError on rejection,
 * which rolls the transaction back. `previousLink`: the chain link of the author's update
 * `clock - 1` when the caller knows it (R117, `ChainLinks`); otherwise that frame is read
 * back and hashed (R80).
 */
export async function acceptUpdate(
  tx: DocumentTransaction,
  frame: UpdateFrame,
  previousLink: Uint8Array | null = null,
): Promise<WriteResult> {
  const access = checkWriter(await tx.access(frame.author));
  const head = await tx.head();
  const verdict = checkUpdate(
    {
      epoch: access.epoch,
      head,
      stored: await tx.findUpdate(frame.snapshotId, frame.author, frame.clock),
      lastClock: await tx.lastClock(frame.snapshotId, frame.author),
    },
    frame,
  );
  if (verdict === 'duplicate') return { verdict, head };
  // R80: one more indexed read, and a hash of the previous frame, unless its link is known (R117).
  let link = frame.clock > 1 ? previousLink : null;
  if (frame.clock > 1 && !link) {
    const previous = await tx.findUpdate(frame.snapshotId, frame.author, frame.clock - 1);
    link = previous ? storedChainLink(previous) : null;
  }
  checkUpdateChain(link, frame);
  const next = await tx.appendUpdate({
    snapshotId: frame.snapshotId,
    author: frame.author,
    clock: frame.clock,
    frame: frame.raw,
  });
  return { verdict, head: next };
}
