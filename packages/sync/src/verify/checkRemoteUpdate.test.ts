import { describe, expect, it } from 'vitest';
import { checkRemoteUpdate } from './checkRemoteUpdate.js';

const snap = new Uint8Array(16).fill(7);
const a = 'aa'.repeat(32);

describe('checkRemoteUpdate', () => {
  it('R41: the next clock on the held snapshot is applied', () => {
    expect(checkRemoteUpdate({ author: a, clock: 4, snapshotId: snap }, snap, 3)).toEqual({ action: 'apply' });
  });

  it('R41: a clock already applied is REPLAY_DETECTED and skipped', () => {
    const v = checkRemoteUpdate({ author: a, clock: 3, snapshotId: snap }, snap, 3);
    expect(v.action).toBe('skip');
    expect(v.action !== 'apply' && v.error.code).toBe('REPLAY_DETECTED');
  });

  it('R41: a jump is MISSING_UPDATES with the range, and reloads', () => {
    const v = checkRemoteUpdate({ author: a, clock: 7, snapshotId: snap }, snap, 3);
    expect(v.action).toBe('resync');
    expect(v.action !== 'apply' && v.error.details.range).toEqual({ from: 4, to: 6 });
  });

  it('R41: an update on a snapshot not held reloads', () => {
    const v = checkRemoteUpdate({ author: a, clock: 1, snapshotId: new Uint8Array(16) }, snap, 0);
    expect(v.action).toBe('resync');
    expect(v.action !== 'apply' && v.error.code).toBe('MISSING_UPDATES');
  });
});
