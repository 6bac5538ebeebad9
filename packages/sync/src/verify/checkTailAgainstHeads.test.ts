import { describe, expect, it } from 'vitest';
import { checkTailAgainstHeads } from './checkTailAgainstHeads.js';

const a = 'aa'.repeat(32);
const known = { snapshotId: '07'.repeat(16), height: 1, clocks: { [a]: 5 } };

describe('checkTailAgainstHeads', () => {
  it('R42: the recorded snapshot served with a shorter tail is ROLLBACK_DETECTED', () => {
    expect(checkTailAgainstHeads(known, '07'.repeat(16), new Map([[a, 3]]))?.code).toBe('ROLLBACK_DETECTED');
    expect(checkTailAgainstHeads(known, '07'.repeat(16), new Map())?.code).toBe('ROLLBACK_DETECTED');
  });

  it('R42: a tail that reaches the recorded clocks, or another snapshot, passes', () => {
    expect(checkTailAgainstHeads(known, '07'.repeat(16), new Map([[a, 5]]))).toBeNull();
    expect(checkTailAgainstHeads(known, '08'.repeat(16), new Map())).toBeNull();
  });
});
