import { TrameError } from '@trame/protocol';
import type { DocumentHeads } from '../heads/HeadStore.js';

/**
 * R42: on the snapshot this client recorded, the served tail must reach every author's
 * recorded clock; a shorter tail is a rollback.
 */
export function checkTailAgainstHeads(
  known: DocumentHeads | undefined,
  servedIdHex: string,
  seen: ReadonlyMap<string, number>,
): TrameError | null {
  if (!known || known.snapshotId !== servedIdHex) return null;
  for (const [a, c] of Object.entries(known.clocks)) {
    if ((seen.get(a) ?? 0) < c)
      return new TrameError('ROLLBACK_DETECTED', `relay lost updates of ${a.slice(0, 12)} up to clock ${c}`);
  }
  return null;
}
