import { toHex, ZERO_ID } from '@trame/protocol';
import type { SnapshotHead } from '../verify/SnapshotHead.js';
import type { DocumentHeads } from './HeadStore.js';

/** What a client records of where it stands (R42, R55); null when it holds nothing yet. */
export function documentHeadsOf(
  current: SnapshotHead | null,
  clocks: ReadonlyMap<string, number>,
): DocumentHeads | null {
  if (!current && clocks.size === 0) return null;
  return {
    snapshotId: toHex(current ? current.id : ZERO_ID),
    height: current?.height ?? 0,
    clocks: Object.fromEntries(clocks),
  };
}
