import * as Y from 'yjs';
import { TrameError } from '@trame/protocol';
import { snapshotExtends } from './snapshotExtends.js';

/**
 * R54: a live snapshot's content (`plain`) against what this client holds of its parent and
 * tail (`shadow`): SNAPSHOT_MISMATCH naming its author unless it is that, plus at most the
 * author's own edits and deletions (`owners`: Yjs client id → author, R52).
 */
export function compactionMismatch(
  shadow: Y.Doc,
  plain: Uint8Array,
  author: string,
  owners: ReadonlyMap<number, string>,
): TrameError | null {
  const probe = new Y.Doc({ gc: shadow.gc });
  try {
    Y.applyUpdate(probe, plain);
    if (snapshotExtends(shadow, probe, author, owners)) return null;
  } finally {
    probe.destroy();
  }
  return new TrameError('SNAPSHOT_MISMATCH', `snapshot of ${author.slice(0, 12)} is not its parent and tail`, {
    author,
  });
}
