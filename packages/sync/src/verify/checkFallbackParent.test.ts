import { describe, expect, it } from 'vitest';
import { sha256, snapshotProof } from '@trame/crypto';
import { checkFallbackParent } from './checkFallbackParent.js';
import type { SnapshotHead } from './SnapshotHead.js';

const parent: SnapshotHead = {
  id: new Uint8Array(16).fill(1),
  height: 3,
  proof: sha256(new Uint8Array([3])),
  frameHash: sha256(new Uint8Array([4])),
};

describe('checkFallbackParent', () => {
  it('R53: a snapshot that chains to the parent served (proof and height of R24) passes', () => {
    expect(checkFallbackParent({ proof: snapshotProof(parent), height: 4 }, parent)).toBeNull();
    expect(checkFallbackParent({ proof: snapshotProof(null), height: 1 }, null)).toBeNull();
  });

  it('R53: another parent than the one the snapshot chains to is FORK_DETECTED', () => {
    const other: SnapshotHead = { ...parent, frameHash: sha256(new Uint8Array([5])) };
    expect(checkFallbackParent({ proof: snapshotProof(parent), height: 4 }, other)?.code).toBe('FORK_DETECTED');
    expect(checkFallbackParent({ proof: snapshotProof(parent), height: 1 }, null)?.code).toBe('FORK_DETECTED');
  });

  it('R53: the right proof at the wrong height is FORK_DETECTED', () => {
    expect(checkFallbackParent({ proof: snapshotProof(parent), height: 5 }, parent)?.code).toBe('FORK_DETECTED');
  });
});
