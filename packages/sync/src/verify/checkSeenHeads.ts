import { TrameError } from '@trame/protocol';
import type { DocumentHeads } from '../heads/HeadStore.js';
import { checkServedHeight } from './checkServedHeight.js';
import { checkTailAgainstHeads } from './checkTailAgainstHeads.js';

/**
 * R55: heads "seen" (every frame applied, durable or not) are kept apart from the durable
 * heads of R42. A served state below what was seen but not below what was durable may be a
 * relay that lost its last unsynced frames in a power cut (R47) or one that hides them:
 * `ROLLBACK_SUSPECTED`, a warning the person sees; the state is used.
 */
export function checkSeenHeads(
  seen: DocumentHeads | undefined,
  servedIdHex: string,
  servedHeight: number,
  served: ReadonlyMap<string, number>,
): TrameError | null {
  const below = checkServedHeight(seen, servedIdHex, servedHeight) ?? checkTailAgainstHeads(seen, servedIdHex, served);
  if (!below) return null;
  return new TrameError('ROLLBACK_SUSPECTED', `relay served less than this client saw (${below.message})`, {
    cause: below.code,
  });
}
