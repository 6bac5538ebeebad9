import { describe, expect, it } from 'vitest';
import { snapshotProof, sha256 } from '@trame/crypto';
import { ZERO_ID } from '@trame/protocol';
import { checkServedSnapshot } from './checkServedSnapshot.js';
import type { SnapshotHead } from './SnapshotHead.js';

const id = (n: number): Uint8Array => new Uint8Array(16).fill(n);
const held: SnapshotHead = { id: id(1), height: 1, proof: snapshotProof(null), frameHash: sha256(new Uint8Array([1])) };
const child = { snapshotId: id(2), parentId: id(1), height: 2, proof: snapshotProof(held) };

describe('checkServedSnapshot', () => {
  it('R43: a child of the held snapshot whose proof does not chain is FORK_DETECTED', () => {
    const forged = { ...child, proof: new Uint8Array(32) };
    expect(checkServedSnapshot(forged, { snapshotId: id(2), snapshotHeight: 2 }, held)?.code).toBe('FORK_DETECTED');
  });

  it('R42: READY naming another snapshot than the one served is FORK_DETECTED', () => {
    expect(checkServedSnapshot(child, { snapshotId: id(3), snapshotHeight: 2 }, held)?.code).toBe('FORK_DETECTED');
    expect(checkServedSnapshot(child, { snapshotId: id(2), snapshotHeight: 5 }, held)?.code).toBe('FORK_DETECTED');
  });

  it('R41: READY naming a snapshot that was not served and is not held is MISSING_UPDATES', () => {
    expect(checkServedSnapshot(null, { snapshotId: id(9), snapshotHeight: 4 }, held)?.code).toBe('MISSING_UPDATES');
  });

  it('R43: a chaining child, the held snapshot, or no snapshot at all passes', () => {
    expect(checkServedSnapshot(child, { snapshotId: id(2), snapshotHeight: 2 }, held)).toBeNull();
    expect(checkServedSnapshot(null, { snapshotId: id(1), snapshotHeight: 1 }, held)).toBeNull();
    expect(checkServedSnapshot(null, { snapshotId: ZERO_ID, snapshotHeight: 0 }, null)).toBeNull();
  });
});
