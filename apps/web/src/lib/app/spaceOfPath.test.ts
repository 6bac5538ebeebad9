import { describe, expect, it } from 'vitest';
import { spaceOfPath } from './spaceOfPath';

const SPACE = 'ab'.repeat(16);
const ITEM = 'cd'.repeat(16);

describe('spaceOfPath', () => {
  it("opens the home's assembly on /", () => {
    expect(spaceOfPath('/', SPACE)).toBe(SPACE);
    expect(spaceOfPath('/', null)).toBeNull();
  });
  it('opens the space of a space, item or members page', () => {
    expect(spaceOfPath(`/s/${SPACE}`, null)).toBe(SPACE);
    expect(spaceOfPath(`/s/${SPACE}/d/${ITEM}`, null)).toBe(SPACE);
    expect(spaceOfPath(`/s/${SPACE}/members`, null)).toBe(SPACE);
  });
  it('opens nothing elsewhere or for a malformed id', () => {
    expect(spaceOfPath('/welcome', SPACE)).toBeNull();
    expect(spaceOfPath('/settings', SPACE)).toBeNull();
    expect(spaceOfPath('/s/xyz/d/1', SPACE)).toBeNull();
    expect(spaceOfPath(`/s/${SPACE}0`, SPACE)).toBeNull();
  });
});
