import type { UpdateFrame } from '@trame/protocol';
import { checkUpdate } from '../checks/checkUpdate.js';
import { checkWriter } from '../checks/checkWriter.js';
import { checkUpdateChain } from '../checks/checkUpdateChain.js';
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
 * which rolls the transaction back.
 */
export async function acceptUpdate(tx: DocumentTransaction, frame: UpdateFrame): Promise<WriteResult> {
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
  // R80: one more indexed read, and a hash of the previous frame, per UPDATE.
  const previous = frame.clock > 1 ? await tx.findUpdate(frame.snapshotId, frame.author, frame.clock - 1) : null;
  checkUpdateChain(previous, frame);
  const next = await tx.appendUpdate({
    snapshotId: frame.snapshotId,
    author: frame.author,
    clock: frame.clock,
    frame: frame.raw,
  });
  return { verdict, head: next };
}
