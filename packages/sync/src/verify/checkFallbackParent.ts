import { bytesEqual, TrameError, type SnapshotHeader } from '@trame/protocol';
import { snapshotProof } from '@trame/crypto';
import type { SnapshotHead } from './SnapshotHead.js';

/**
 * R53 with R24: a loading client that falls back from an unreadable snapshot to its parent
 * (HELLO WITH_PARENT) checks that the snapshot chains to the parent served (proof and height;
 * `parent` null for a first snapshot). `FORK_DETECTED` otherwise: the relay served another
 * parent than the one the snapshot was built on.
 */
export function checkFallbackParent(
  snapshot: Pick<SnapshotHeader, 'proof' | 'height'>,
  parent: SnapshotHead | null,
): TrameError | null {
  if (bytesEqual(snapshot.proof, snapshotProof(parent)) && snapshot.height === (parent?.height ?? 0) + 1) return null;
  return new TrameError('FORK_DETECTED', 'the parent served does not chain to the latest snapshot');
}
