import type { CompactionPolicy } from './CompactionPolicy.js';

/** R46: a tail this long (count or bytes, from an ACK or READY) is compacted by a writer. */
export function isOverCompactionBound(policy: CompactionPolicy, tailCount: number, tailBytes: number): boolean {
  return tailCount >= policy.afterUpdates || tailBytes >= policy.afterBytes;
}
