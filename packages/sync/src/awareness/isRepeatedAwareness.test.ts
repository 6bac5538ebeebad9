import { describe, expect, it } from 'vitest';
import { AWARENESS_RESEND_AFTER_MS, isRepeatedAwareness } from './isRepeatedAwareness.js';

describe('isRepeatedAwareness', () => {
  const payload = new Uint8Array([1, 2, 3]);

  it('R48: the same state within 15 s is not sent again', () => {
    expect(isRepeatedAwareness({ payload, at: 1000 }, payload.slice(), 1000 + AWARENESS_RESEND_AFTER_MS - 1)).toBe(
      true,
    );
  });

  it('R48: a changed state, a first one, or one older than 15 s is sent', () => {
    expect(isRepeatedAwareness({ payload, at: 1000 }, new Uint8Array([1, 2, 4]), 1001)).toBe(false);
    expect(isRepeatedAwareness(null, payload, 1001)).toBe(false);
    expect(isRepeatedAwareness({ payload, at: 1000 }, payload, 1000 + AWARENESS_RESEND_AFTER_MS)).toBe(false);
  });
});
