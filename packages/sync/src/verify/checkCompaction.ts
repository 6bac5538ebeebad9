import type * as Y from 'yjs';
import type { AuthorClock, TrameError } from '@trame/protocol';
import { compactionMismatch } from './compactionMismatch.js';
import { sameClocks } from './sameClocks.js';

/** What this client holds that a live snapshot may compact (R54). */
export interface HeldHistory {
  /** The parent and the tail applied. */
  shadow: Y.Doc;
  /** Each author's last clock on the parent. */
  clocks: ReadonlyMap<string, number>;
  /** Yjs client id → author (R52). */
  owners: ReadonlyMap<number, string>;
  /** Local edits not acknowledged yet: the shadow then holds more than the relay. */
  unsaved: boolean;
}

/**
 * R54: when this client holds exactly what a live snapshot compacts (its parent, the tail up
 * to the listed clocks, nothing of its own unacknowledged), the snapshot's content (`plain`)
 * must be that, plus at most its author's own edits and deletions: `SNAPSHOT_MISMATCH` naming
 * its author otherwise. Returns `plain` when it passes or cannot be checked.
 */
export function checkCompaction(
  snapshot: { author: string; clocks: readonly AuthorClock[] },
  plain: Uint8Array,
  held: HeldHistory,
): Uint8Array | TrameError {
  if (held.unsaved || !sameClocks(snapshot.clocks, held.clocks)) return plain;
  return compactionMismatch(held.shadow, plain, snapshot.author, held.owners) ?? plain;
}
