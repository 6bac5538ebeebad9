import { describe, expect, it } from 'vitest';
import { checkSeenHeads } from './checkSeenHeads.js';

const a = 'aa'.repeat(32);
const seen = { snapshotId: '07'.repeat(16), height: 2, clocks: { [a]: 5 } };

describe('checkSeenHeads', () => {
  it('R55: a shorter tail than seen is ROLLBACK_SUSPECTED (a warning)', () => {
    expect(checkSeenHeads(seen, '07'.repeat(16), 2, new Map([[a, 3]]))?.code).toBe('ROLLBACK_SUSPECTED');
  });

  it('R55: a lower snapshot than seen is ROLLBACK_SUSPECTED', () => {
    expect(checkSeenHeads(seen, '06'.repeat(16), 1, new Map())?.code).toBe('ROLLBACK_SUSPECTED');
  });

  it('R55: what was seen, or more, passes', () => {
    expect(checkSeenHeads(seen, '07'.repeat(16), 2, new Map([[a, 5]]))).toBeNull();
    expect(checkSeenHeads(undefined, '07'.repeat(16), 2, new Map())).toBeNull();
  });
});
