import { describe, expect, it } from 'vitest';
import { todayIso } from './todayIso.js';

describe('todayIso', () => {
  it("dates a meeting in the device's time zone, zero-padded", () => {
    const d = new Date(2026, 2, 5, 23, 30); // 5 March 2026, 23:30 local time
    expect(todayIso(d.getTime())).toBe('2026-03-05');
    expect(todayIso(new Date(2026, 11, 31, 0, 5).getTime())).toBe('2026-12-31');
  });
});
