import { describe, expect, it } from 'vitest';
import { fullIndex } from './fullIndex';

const ids = (...xs: string[]) => xs.map((id) => ({ id }));

describe('fullIndex', () => {
  it('is the visible index when nothing is filtered', () => {
    const full = ids('a', 'b', 'c');
    expect(fullIndex(ids('a', 'x', 'b', 'c'), 1, full, 'x')).toBe(1);
    expect(fullIndex(ids('x', 'a', 'b', 'c'), 0, full, 'x')).toBe(0);
    expect(fullIndex(ids('a', 'b', 'c', 'x'), 3, full, 'x')).toBe(3);
  });

  it('places the card after the visible card before it, skipping hidden ones', () => {
    // full: a h1 b h2 c ; visible (filtered): a b c ; dropped between b and c
    const full = ids('a', 'h1', 'b', 'h2', 'c');
    expect(fullIndex(ids('a', 'b', 'x', 'c'), 2, full, 'x')).toBe(3);
    expect(fullIndex(ids('x', 'a', 'b', 'c'), 0, full, 'x')).toBe(0);
  });

  it('handles a card moved within its own column', () => {
    const full = ids('a', 'b', 'c');
    // b dragged to the end
    expect(fullIndex(ids('a', 'c', 'b'), 2, full, 'b')).toBe(2);
  });

  it('handles an empty target column', () => {
    expect(fullIndex(ids('x'), 0, [], 'x')).toBe(0);
  });
});
