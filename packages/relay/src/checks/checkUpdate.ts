import { bytesEqual, toHex, TrameError, type UpdateFrame } from '@trame/protocol';
import type { DocumentHead } from '../storage/RelayStorage.js';
import type { WriteVerdict } from './WriteVerdict.js';

/** What storage knows that decides an UPDATE, read in the write's transaction. */
export interface UpdateFacts {
  /** The space's current epoch. */
  epoch: number;
  head: DocumentHead;
  /** The stored update with the frame's (snapshot, author, clock), if any. */
  stored: Uint8Array | null;
  /** Highest clock stored for (frame.snapshotId, frame.author), 0 if none. */
  lastClock: number;
}

/**
 * Decides an UPDATE (R20-R23 after the role check). Pure; throws TrameError. A byte-identical
 * retransmission is a duplicate before anything else is looked at, so a client that lost an
 * ACK while a snapshot was published still learns its update is stored (R21, R45).
 */
export function checkUpdate(facts: UpdateFacts, frame: UpdateFrame): WriteVerdict {
  if (facts.stored && bytesEqual(facts.stored, frame.raw)) return 'duplicate';
  if (frame.epoch !== facts.epoch) {
    throw new TrameError('STALE_EPOCH', `epoch ${frame.epoch}, current is ${facts.epoch}`);
  }
  if (!bytesEqual(frame.snapshotId, facts.head.snapshotId)) {
    const latest = toHex(facts.head.snapshotId);
    throw new TrameError('STALE_SNAPSHOT', `latest snapshot is ${latest}`, { latestSnapshotId: latest });
  }
  const expected = facts.lastClock + 1;
  if (frame.clock > expected) {
    throw new TrameError('CLOCK_GAP', `clock ${frame.clock}, expected ${expected}`, {
      range: { from: expected, to: frame.clock - 1 },
    });
  }
  if (frame.clock < expected) {
    throw new TrameError('CLOCK_REPLAY', `clock ${frame.clock} already used, expected ${expected}`);
  }
  return 'append';
}
