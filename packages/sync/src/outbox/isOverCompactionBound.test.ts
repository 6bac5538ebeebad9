import { describe, expect, it } from 'vitest';
import { isOverCompactionBound } from './isOverCompactionBound.js';

describe('isOverCompactionBound', () => {
  it('R46: a tail of 200 updates or 512 KiB is compacted', () => {
    const policy = { afterUpdates: 200, afterBytes: 512 * 1024 };
    expect(isOverCompactionBound(policy, 200, 10)).toBe(true);
    expect(isOverCompactionBound(policy, 3, 512 * 1024)).toBe(true);
    expect(isOverCompactionBound(policy, 199, 512 * 1024 - 1)).toBe(false);
  });
});
