import type { SnapshotFrame } from '@trame/protocol';
import { checkSnapshot } from '../checks/checkSnapshot.js';
import { checkWriter } from '../checks/checkWriter.js';
import { sha256 } from '../crypto/sha256.js';
import type { DocumentTransaction } from '../storage/RelayStorage.js';
import type { WriteResult } from './acceptUpdate.js';

/** Like {@link acceptUpdate}, for a SNAPSHOT (R24-R26, R28). */
export async function acceptSnapshot(tx: DocumentTransaction, frame: SnapshotFrame): Promise<WriteResult> {
  const access = checkWriter(await tx.access(frame.author));
  const head = await tx.head();
  const verdict = checkSnapshot(
    {
      epoch: access.epoch,
      head,
      stored: await tx.findSnapshot(frame.snapshotId),
      tailClocks: await tx.tailClocks(head.snapshotId),
    },
    frame,
  );
  if (verdict === 'duplicate') return { verdict, head };
  const next = await tx.appendSnapshot({
    snapshotId: frame.snapshotId,
    parentId: frame.parentId,
    height: frame.height,
    proof: frame.proof,
    frameHash: sha256(frame.raw),
    frame: frame.raw,
  });
  return { verdict, head: next };
}
