import { bytesEqual, toHex, TrameError, type AuthorClock, type SnapshotFrame } from '@trame/protocol';
import type { DocumentHead } from '../storage/RelayStorage.js';
import { expectedSnapshotProof } from './expectedSnapshotProof.js';
import type { WriteVerdict } from './WriteVerdict.js';

/** What storage knows that decides a SNAPSHOT, read in the write's transaction. */
export interface SnapshotFacts {
  epoch: number;
  head: DocumentHead;
  /** A stored snapshot with the frame's id, if any (R26). */
  stored: Uint8Array | null;
  /** Highest clock of every author with updates on the latest snapshot (R25). */
  tailClocks: readonly AuthorClock[];
}

function conflict(head: DocumentHead, why: string): TrameError {
  const latest = toHex(head.snapshotId);
  return new TrameError('SNAPSHOT_CONFLICT', `${why}; latest snapshot is ${latest}`, { latestSnapshotId: latest });
}

/** Decides a SNAPSHOT (R24-R26 after the role check). Pure; throws TrameError. */
export function checkSnapshot(facts: SnapshotFacts, frame: SnapshotFrame): WriteVerdict {
  const { head } = facts;
  if (facts.stored) {
    if (bytesEqual(facts.stored, frame.raw)) return 'duplicate';
    throw conflict(head, 'snapshot id already used');
  }
  if (frame.epoch !== facts.epoch) {
    throw new TrameError('STALE_EPOCH', `epoch ${frame.epoch}, current is ${facts.epoch}`);
  }
  if (!bytesEqual(frame.parentId, head.snapshotId)) throw conflict(head, 'parent is not the latest snapshot');
  if (frame.height !== head.height + 1) {
    throw new TrameError('BAD_PROOF', `height ${frame.height}, expected ${head.height + 1}`);
  }
  if (!bytesEqual(frame.proof, expectedSnapshotProof(head))) {
    throw new TrameError('BAD_PROOF', 'proof does not chain to the parent snapshot');
  }
  const expected = new Map(facts.tailClocks.map((c) => [toHex(c.author), c.clock]));
  const listed = new Set<string>();
  for (const c of frame.clocks) {
    const author = toHex(c.author);
    if (listed.has(author)) throw new TrameError('SNAPSHOT_INCOMPLETE', 'an author is listed twice');
    listed.add(author);
    const last = expected.get(author);
    if (last === undefined) throw new TrameError('SNAPSHOT_INCOMPLETE', 'lists an author with no update on the parent');
    if (c.clock !== last) {
      throw new TrameError('SNAPSHOT_INCOMPLETE', `lists clock ${c.clock} for an author whose last clock is ${last}`);
    }
  }
  if (listed.size !== expected.size) {
    throw new TrameError(
      'SNAPSHOT_INCOMPLETE',
      `lists ${listed.size} of ${expected.size} authors of the parent's tail`,
    );
  }
  return 'append';
}
