import type { RetentionPolicy } from './RetentionPolicy.js';

const HOUR = 3600;
const MAX_SECONDS = 100 * 366 * 86_400;

/**
 * R111: a retention policy the relay accepts: whole seconds; everything kept at least an hour
 * (`keepAllSeconds` ≥ 3600, so no animateur can make the relay drop what was just written);
 * each tier at least as long as the one before; `weeklySeconds` 0 (for ever) or ≥ the daily
 * tier; nothing over 100 years. Returns the reason it is refused, or null.
 */
export function checkRetentionPolicy(p: unknown): string | null {
  if (typeof p !== 'object' || p === null) return 'not an object';
  const o = p as Record<string, unknown>;
  const keys = ['keepAllSeconds', 'hourlySeconds', 'dailySeconds', 'weeklySeconds'] as const;
  if (Object.keys(o).length !== keys.length) return 'unexpected fields';
  for (const k of keys) {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_SECONDS) return `${k} out of range`;
  }
  const r = o as unknown as RetentionPolicy;
  if (r.keepAllSeconds < HOUR) return 'keepAllSeconds under an hour';
  if (r.hourlySeconds < r.keepAllSeconds) return 'hourlySeconds under keepAllSeconds';
  if (r.dailySeconds < r.hourlySeconds) return 'dailySeconds under hourlySeconds';
  if (r.weeklySeconds !== 0 && r.weeklySeconds < r.dailySeconds) return 'weeklySeconds under dailySeconds';
  return null;
}
