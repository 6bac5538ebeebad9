import { describe, expect, it } from 'vitest';
import { nameList } from './nameList';
import { timeRange } from './timeRange';

describe('timeRange and nameList', () => {
  it('HISTORY-1: a session reads "14:05 – 14:50 · par Alice, Bob et Claire"', () => {
    const t = (hhmm: string): number => Date.parse(`2026-12-01T${hhmm}:00+01:00`);
    expect(timeRange(t('14:05'), t('14:50'), 'fr', 'Europe/Paris')).toBe('14:05 – 14:50');
    expect(timeRange(t('14:05'), t('14:05') + 20_000, 'fr', 'Europe/Paris')).toBe('14:05');
    expect(nameList(['Alice'], 'fr')).toBe('Alice');
    expect(nameList(['Alice', 'Bob', 'Claire'], 'fr')).toBe('Alice, Bob et Claire');
    expect(nameList(['Alice', 'Bob'], 'en')).toBe('Alice and Bob');
  });
});
