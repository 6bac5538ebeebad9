import { bytesEqual, type RetentionPolicy } from '@trame/protocol';
import type { VersionStamp } from './HistoryStore.js';
import { thinVersions } from './thinVersions.js';

/** What storing one more version does: the versions thinned with it, or why it is refused. */
export type VersionStorePlan = { drop: VersionStamp[] } | { refuse: string };

/**
 * R110 and R112: storing `incoming` thins the document's versions by the space's policy (R112),
 * then the document may keep at most `maxVersions` versions (named ones included) and the space
 * at most `maxSpaceBytes` bytes of versions (0: no quota). Refused otherwise, with nothing
 * dropped. Pure: the relay runs it inside the history transaction.
 */
export function planVersionStore(
  existing: readonly VersionStamp[],
  incoming: VersionStamp,
  o: { now: number; policy: RetentionPolicy; maxVersions: number; spaceBytes: number; maxSpaceBytes: number },
): VersionStorePlan {
  const all = [...existing, incoming];
  const drop = thinVersions(all, o.now, o.policy).filter((s) => !bytesEqual(s.versionId, incoming.versionId));
  if (all.length - drop.length > o.maxVersions) return { refuse: `a document keeps at most ${o.maxVersions} versions` };
  const freed = drop.reduce((n, s) => n + s.size, 0);
  if (o.maxSpaceBytes > 0 && o.spaceBytes - freed + incoming.size > o.maxSpaceBytes)
    return { refuse: `the space's history is over its quota of ${o.maxSpaceBytes} bytes` };
  return { drop };
}
