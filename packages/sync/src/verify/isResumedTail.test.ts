import { describe, expect, it } from 'vitest';
import { isResumedTail } from './isResumedTail.js';

const snap = new Uint8Array(16).fill(7);

describe('isResumedTail', () => {
  it('R48: the relay skipped the held updates of the held snapshot', () => {
    expect(isResumedTail(false, { knownSnapshotId: snap, knownTailCount: 3 }, { snapshotId: snap, tailCount: 5 })).toBe(
      true,
    );
  });

  it('R48: not when a snapshot was served, the snapshot changed, nothing was held or the count exceeds the tail', () => {
    expect(isResumedTail(true, { knownSnapshotId: snap, knownTailCount: 3 }, { snapshotId: snap, tailCount: 5 })).toBe(
      false,
    );
    expect(
      isResumedTail(
        false,
        { knownSnapshotId: snap, knownTailCount: 3 },
        { snapshotId: new Uint8Array(16), tailCount: 5 },
      ),
    ).toBe(false);
    expect(isResumedTail(false, { knownSnapshotId: snap, knownTailCount: 0 }, { snapshotId: snap, tailCount: 5 })).toBe(
      false,
    );
    expect(isResumedTail(false, { knownSnapshotId: snap, knownTailCount: 6 }, { snapshotId: snap, tailCount: 5 })).toBe(
      false,
    );
  });
});
