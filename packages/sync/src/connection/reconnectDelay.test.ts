import { describe, expect, it } from 'vitest';
import { RECONNECT_CAP_MS, reconnectDelay } from './reconnectDelay.js';

describe('reconnectDelay (MINUTES-7)', () => {
  it('MINUTES-7: doubles from 250-500 ms, capped, jittered', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(0, () => 1)).toBe(500);
    expect(reconnectDelay(1, () => 0)).toBe(500);
    expect(reconnectDelay(3, () => 0.5)).toBe(3000);
    expect(reconnectDelay(50, () => 1)).toBe(RECONNECT_CAP_MS);
    expect(reconnectDelay(50, () => 0)).toBe(RECONNECT_CAP_MS / 2);
  });

  it('MINUTES-7: at most 5 attempts in the 10 s a relay restart takes, whatever the jitter', () => {
    for (const r of [0, 0.5, 1]) {
      let t = 0;
      let attempts = 0;
      for (let failures = 0; ; failures++) {
        t += reconnectDelay(failures, () => r);
        if (t > 10_000) break;
        attempts++;
      }
      expect(attempts).toBeLessThanOrEqual(5);
    }
  });
});
