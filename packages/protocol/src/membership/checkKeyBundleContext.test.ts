import { describe, expect, it } from 'vitest';
import { filled } from '../testing/fixtures.js';
import { checkKeyBundleContext } from './checkKeyBundleContext.js';

const ctx = { spaceId: filled(16, 1), seq: 4, recipient: filled(32, 2), epoch: 1 };

describe('checkKeyBundleContext (R71)', () => {
  it('accepts a bundle found where it was made', () => {
    expect(checkKeyBundleContext(ctx, { ...ctx })).toBeNull();
  });
  it.each([
    ['space', { spaceId: filled(16, 9) }],
    ['seq', { seq: 3 }],
    ['recipient', { recipient: filled(32, 9) }],
    ['epoch', { epoch: 0 }],
  ])('refuses a bundle moved to another %s with KEY_BUNDLE_MISMATCH', (what, over) => {
    const e = checkKeyBundleContext(ctx, { ...ctx, ...over });
    expect(e?.code).toBe('KEY_BUNDLE_MISMATCH');
    expect(e?.message).toContain(what);
  });
});
