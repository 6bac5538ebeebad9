import { bytesEqual, isZero, TrameError, type SnapshotHeader } from '@trame/protocol';
import { snapshotProof } from '@trame/crypto';
import type { SnapshotHead } from './SnapshotHead.js';

/**
 * R42/R43 for the snapshot of an initial state: it must be the one READY names; a direct child
 * of the snapshot this client holds must chain to it; and when none is served, READY must name
 * the snapshot this client already holds (or none).
 */
export function checkServedSnapshot(
  snapshot: Pick<SnapshotHeader, 'snapshotId' | 'parentId' | 'height' | 'proof'> | null,
  ready: { snapshotId: Uint8Array; snapshotHeight: number },
  current: SnapshotHead | null,
): TrameError | null {
  if (!snapshot) {
    if (isZero(ready.snapshotId) || (current && bytesEqual(current.id, ready.snapshotId))) return null;
    return new TrameError('MISSING_UPDATES', 'relay skipped a snapshot this client does not hold');
  }
  if (!bytesEqual(snapshot.snapshotId, ready.snapshotId) || snapshot.height !== ready.snapshotHeight) {
    return new TrameError('FORK_DETECTED', 'READY names another snapshot than the one served');
  }
  if (current && bytesEqual(snapshot.parentId, current.id) && !bytesEqual(snapshot.proof, snapshotProof(current))) {
    return new TrameError('FORK_DETECTED', 'snapshot proof does not chain to the held snapshot');
  }
  return null;
}
