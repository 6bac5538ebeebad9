import { bytesEqual } from '@trame/protocol';

/**
 * R48: whether the relay skipped the first `knownTailCount` updates of the tail because this
 * client holds them: no snapshot was served, READY names the snapshot the HELLO named, and the
 * count fits in the tail.
 */
export function isResumedTail(
  snapshotServed: boolean,
  hello: { knownSnapshotId: Uint8Array; knownTailCount: number },
  ready: { snapshotId: Uint8Array; tailCount: number },
): boolean {
  return (
    !snapshotServed &&
    hello.knownTailCount > 0 &&
    bytesEqual(ready.snapshotId, hello.knownSnapshotId) &&
    hello.knownTailCount <= ready.tailCount
  );
}
