import { describe, expect, it } from 'vitest';
import { checkServedHeight } from './checkServedHeight.js';

const known = { snapshotId: 'aa'.repeat(16), height: 3, clocks: {} };

describe('checkServedHeight', () => {
  it('R42: a lower height than recorded is ROLLBACK_DETECTED', () => {
    expect(checkServedHeight(known, 'bb'.repeat(16), 2)?.code).toBe('ROLLBACK_DETECTED');
  });

  it('R42: another snapshot at the recorded height is FORK_DETECTED', () => {
    expect(checkServedHeight(known, 'bb'.repeat(16), 3)?.code).toBe('FORK_DETECTED');
  });

  it('R42: the same snapshot, a higher one, or no record passes', () => {
    expect(checkServedHeight(known, 'aa'.repeat(16), 3)).toBeNull();
    expect(checkServedHeight(known, 'bb'.repeat(16), 4)).toBeNull();
    expect(checkServedHeight(undefined, 'bb'.repeat(16), 0)).toBeNull();
  });
});
