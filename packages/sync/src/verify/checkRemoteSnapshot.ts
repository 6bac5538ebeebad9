import { bytesEqual, isZero, TrameError, type SnapshotHeader } from '@trame/protocol';
import { snapshotProof } from '@trame/crypto';
import type { SnapshotHead } from './SnapshotHead.js';

/**
 * What to do with a live SNAPSHOT: `ignore` (already held), `apply`, `resync` (its parent is
 * not held: reload), or `fail` (it does not chain: stop trusting this relay).
 */
export type RemoteSnapshotVerdict = { action: 'ignore' | 'apply' } | { action: 'resync' | 'fail'; error: TrameError };

/** R43: a live snapshot must be a child of the held one, with the proof and height of R24. */
export function checkRemoteSnapshot(
  snapshot: Pick<SnapshotHeader, 'snapshotId' | 'parentId' | 'height' | 'proof'>,
  current: SnapshotHead | null,
): RemoteSnapshotVerdict {
  if (current && bytesEqual(snapshot.snapshotId, current.id)) return { action: 'ignore' };
  const parentHeld = current ? bytesEqual(snapshot.parentId, current.id) : isZero(snapshot.parentId);
  if (!parentHeld) {
    return {
      action: 'resync',
      error: new TrameError('MISSING_UPDATES', 'snapshot on a parent this client does not hold'),
    };
  }
  if (!bytesEqual(snapshot.proof, snapshotProof(current)) || snapshot.height !== (current?.height ?? 0) + 1) {
    return {
      action: 'fail',
      error: new TrameError('FORK_DETECTED', 'snapshot proof does not chain to the held snapshot'),
    };
  }
  return { action: 'apply' };
}
