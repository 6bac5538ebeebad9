import { toHex, type SnapshotFrame } from '@trame/protocol';
import { checkSnapshot } from '../checks/checkSnapshot.js';
import { checkWriter } from '../checks/checkWriter.js';
import { checkSnapshotLinks } from '../checks/checkSnapshotLinks.js';
import { sha256 } from '../crypto/sha256.js';
import type { DocumentTransaction } from '../storage/RelayStorage.js';
import type { WriteResult } from './acceptUpdate.js';
import { parentEpoch } from './parentEpoch.js';

/** Like {@link acceptUpdate}, for a SNAPSHOT (R24-R26, R28, R73). */
export async function acceptSnapshot(tx: DocumentTransaction, frame: SnapshotFrame): Promise<WriteResult> {
  const access = checkWriter(await tx.access(frame.author));
  const head = await tx.head();
  const tailClocks = await tx.tailClocks(head.snapshotId);
  const verdict = checkSnapshot(
    {
      epoch: access.epoch,
      head,
      stored: await tx.findSnapshot(frame.snapshotId),
      tailClocks,
    },
    frame,
  );
  if (verdict === 'duplicate') return { verdict, head };
  // R81: the listed links are those of the stored last updates (one read per author listed).
  const last = new Map<string, Uint8Array>();
  for (const c of frame.clocks) {
    const stored = await tx.findUpdate(head.snapshotId, c.author, c.clock);
    if (stored) last.set(toHex(c.author), stored);
  }
  checkSnapshotLinks(frame.clocks, last);
  // R73: the snapshot that moves a document to a newer key epoch replaces everything sealed
  // under the older one: its parent and the parent's tail go now (R28 would keep them).
  const replaced = await parentEpoch(tx, head, tailClocks);
  const pruneParent = replaced !== null && replaced < frame.epoch;
  const next = await tx.appendSnapshot({
    snapshotId: frame.snapshotId,
    parentId: frame.parentId,
    height: frame.height,
    proof: frame.proof,
    frameHash: sha256(frame.raw),
    frame: frame.raw,
    pruneParent,
  });
  return { verdict, head: next };
}
