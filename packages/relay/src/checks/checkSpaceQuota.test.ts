import { describe, expect, it } from 'vitest';
import { checkSpaceQuota } from './checkSpaceQuota.js';

describe('checkSpaceQuota', () => {
  it('HOSTILE-3: R67, an UPDATE that would take the space past its quota is QUOTA_EXCEEDED, with when to retry', () => {
    expect(() => checkSpaceQuota(900, 100, false, 1000, 500)).not.toThrow();
    expect(() => checkSpaceQuota(901, 100, false, 1000, 500)).toThrow(/retry in \d+ s/);
    expect(() => checkSpaceQuota(10 ** 12, 1, false, 0, 0)).not.toThrow();
  });

  it('HOSTILE-3: R67, a SNAPSHOT may use the headroom above the quota (to compact), never more', () => {
    expect(() => checkSpaceQuota(1000, 500, true, 1000, 500)).not.toThrow();
    expect(() => checkSpaceQuota(1001, 500, true, 1000, 500)).toThrow(
      expect.objectContaining({ code: 'QUOTA_EXCEEDED' }),
    );
  });
});
