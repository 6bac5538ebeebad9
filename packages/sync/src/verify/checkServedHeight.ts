import { TrameError } from '@trame/protocol';
import type { DocumentHeads } from '../heads/HeadStore.js';

/**
 * R42: a relay may never serve an older snapshot than this client recorded (`known`), nor
 * another snapshot at the same height. Returns the error, or null when the height is fine.
 */
export function checkServedHeight(
  known: DocumentHeads | undefined,
  servedIdHex: string,
  servedHeight: number,
): TrameError | null {
  if (!known) return null;
  if (servedHeight < known.height) {
    return new TrameError(
      'ROLLBACK_DETECTED',
      `relay served snapshot height ${servedHeight}, this client saw ${known.height}`,
    );
  }
  if (servedHeight === known.height && servedIdHex !== known.snapshotId) {
    return new TrameError('FORK_DETECTED', 'relay served another snapshot at the same height');
  }
  return null;
}
