import { describe, expect, it } from 'vitest';
import { checkTailClocks } from './checkTailClocks.js';

const snap = new Uint8Array(16).fill(7);
const a = 'aa'.repeat(32);
const b = 'bb'.repeat(32);
const u = (author: string, clock: number, snapshotId = snap) => ({ author, clock, snapshotId });

describe('checkTailClocks', () => {
  it('R41: clocks 1, 2, 3 per author pass and are counted', () => {
    const r = checkTailClocks([u(a, 1), u(b, 1), u(a, 2)], snap, null);
    expect(r.ok && Object.fromEntries(r.seen)).toEqual({ [a]: 2, [b]: 1 });
  });

  it('R41: a jump is MISSING_UPDATES with the missing range', () => {
    const r = checkTailClocks([u(a, 1), u(a, 4)], snap, null);
    expect(!r.ok && r.error.code).toBe('MISSING_UPDATES');
    expect(!r.ok && r.error.details.range).toEqual({ from: 2, to: 3 });
  });

  it('R41: a clock seen twice is REPLAY_DETECTED', () => {
    const r = checkTailClocks([u(a, 1), u(a, 2), u(a, 2)], snap, null);
    expect(!r.ok && r.error.code).toBe('REPLAY_DETECTED');
  });

  it('R41: an update on another snapshot is MISSING_UPDATES', () => {
    const r = checkTailClocks([u(a, 1, new Uint8Array(16))], snap, null);
    expect(!r.ok && r.error.code).toBe('MISSING_UPDATES');
  });

  it('R48: a resumed tail counts from the held clocks and skips what is held', () => {
    const held = new Map([[a, 3]]);
    const r = checkTailClocks([u(a, 3), u(a, 4), u(b, 1)], snap, held);
    expect(r.ok && Object.fromEntries(r.seen)).toEqual({ [a]: 4, [b]: 1 });
    const gap = checkTailClocks([u(a, 5)], snap, held);
    expect(!gap.ok && gap.error.code).toBe('MISSING_UPDATES');
  });
});
