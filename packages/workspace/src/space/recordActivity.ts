import type * as Y from 'yjs';
import { INDEX_ROOTS, type ActivityEntry } from './SpaceIndex.js';

/** How many activity lines a space keeps; older ones are dropped so the index stays small. */
export const ACTIVITY_KEEP = 50;

/**
 * Appends an activity line. Consecutive edits of the same item by the same person within
 * `mergeWindowMs` replace the previous line instead of piling up.
 */
export function recordActivity(doc: Y.Doc, entry: ActivityEntry, mergeWindowMs = 10 * 60_000): void {
  const log = doc.getArray<ActivityEntry>(INDEX_ROOTS.activity);
  doc.transact(() => {
    const last = log.length > 0 ? log.get(log.length - 1) : undefined;
    if (
      last &&
      entry.action === 'edited' &&
      last.action === 'edited' &&
      last.itemId === entry.itemId &&
      last.by === entry.by &&
      entry.at - last.at < mergeWindowMs
    ) {
      log.delete(log.length - 1, 1);
    }
    log.push([entry]);
    if (log.length > ACTIVITY_KEEP) log.delete(0, log.length - ACTIVITY_KEEP);
  });
}
