import { describe, expect, it } from 'vitest';
import { snapshotProof, sha256 } from '@trame/crypto';
import { ZERO_ID } from '@trame/protocol';
import { checkRemoteSnapshot } from './checkRemoteSnapshot.js';
import type { SnapshotHead } from './SnapshotHead.js';

const id = (n: number): Uint8Array => new Uint8Array(16).fill(n);
const held: SnapshotHead = { id: id(1), height: 1, proof: snapshotProof(null), frameHash: sha256(new Uint8Array([1])) };

describe('checkRemoteSnapshot', () => {
  it('R43: a child with the right proof and height is applied', () => {
    expect(
      checkRemoteSnapshot({ snapshotId: id(2), parentId: id(1), height: 2, proof: snapshotProof(held) }, held).action,
    ).toBe('apply');
    expect(
      checkRemoteSnapshot({ snapshotId: id(2), parentId: ZERO_ID, height: 1, proof: snapshotProof(null) }, null).action,
    ).toBe('apply');
  });

  it('R43: a wrong proof or height is FORK_DETECTED', () => {
    const bad = checkRemoteSnapshot({ snapshotId: id(2), parentId: id(1), height: 2, proof: new Uint8Array(32) }, held);
    expect(bad.action).toBe('fail');
    expect(bad.action === 'fail' && bad.error.code).toBe('FORK_DETECTED');
    expect(
      checkRemoteSnapshot({ snapshotId: id(2), parentId: id(1), height: 3, proof: snapshotProof(held) }, held).action,
    ).toBe('fail');
  });

  it('R43: a snapshot on a parent not held reloads; the held one is ignored', () => {
    expect(
      checkRemoteSnapshot({ snapshotId: id(3), parentId: id(2), height: 3, proof: new Uint8Array(32) }, held).action,
    ).toBe('resync');
    expect(
      checkRemoteSnapshot({ snapshotId: id(1), parentId: ZERO_ID, height: 1, proof: held.proof }, held).action,
    ).toBe('ignore');
  });
});
