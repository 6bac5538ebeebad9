import { describe, expect, it } from 'vitest';
import { defaultComparison, inTimeOrder } from './versionOrder';

describe('versionOrder', () => {
  const ids = ['v3', 'v2', 'v1'];
  it('HISTORY-2: a version is compared with the one before it by default; the current with the newest', () => {
    expect(defaultComparison('v2', ids)).toBe('v1');
    expect(defaultComparison('v1', ids)).toBe('empty');
    expect(defaultComparison('current', ids)).toBe('v3');
    expect(defaultComparison('current', [])).toBe('empty');
  });
  it('HISTORY-2: a comparison always reads from the older to the newer', () => {
    expect(inTimeOrder('v3', 'v1', ids)).toEqual(['v1', 'v3']);
    expect(inTimeOrder('v1', 'current', ids)).toEqual(['v1', 'current']);
    expect(inTimeOrder('current', 'empty', ids)).toEqual(['empty', 'current']);
  });
});
