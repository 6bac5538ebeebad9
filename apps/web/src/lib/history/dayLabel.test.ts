import { describe, expect, it } from 'vitest';
import { dayLabel } from './dayLabel';

const WORDS = { today: "Aujourd'hui", yesterday: 'Hier' };
const TZ = 'Europe/Paris';
const at = (iso: string): number => Date.parse(iso);

describe('dayLabel', () => {
  it('HISTORY-1: today, yesterday, then the day in words, in Paris time', () => {
    const now = at('2026-12-01T18:00:00Z');
    expect(dayLabel(at('2026-12-01T07:00:00Z'), now, 'fr', WORDS, TZ)).toBe("Aujourd'hui");
    // 23:30 UTC on 30 November is already 1 December in Paris
    expect(dayLabel(at('2026-11-30T23:30:00Z'), now, 'fr', WORDS, TZ)).toBe("Aujourd'hui");
    expect(dayLabel(at('2026-11-30T10:00:00Z'), now, 'fr', WORDS, TZ)).toBe('Hier');
    expect(dayLabel(at('2026-11-28T10:00:00Z'), now, 'fr', WORDS, TZ)).toBe('samedi 28 novembre');
    expect(dayLabel(at('2025-12-03T10:00:00Z'), now, 'fr', WORDS, TZ)).toBe('mercredi 3 décembre 2025');
    expect(dayLabel(at('2026-11-28T10:00:00Z'), now, 'en', { today: 'Today', yesterday: 'Yesterday' }, TZ)).toBe(
      'Saturday, November 28',
    );
  });

  it('HISTORY-1: yesterday across the change to summer time', () => {
    // 29 March 2026 is 23 hours long in Paris
    const now = at('2026-03-30T00:30:00+02:00');
    expect(dayLabel(at('2026-03-29T00:10:00+01:00'), now, 'fr', WORDS, TZ)).toBe('Hier');
    expect(dayLabel(at('2026-03-28T23:50:00+01:00'), now, 'fr', WORDS, TZ)).toBe('samedi 28 mars');
  });
});
