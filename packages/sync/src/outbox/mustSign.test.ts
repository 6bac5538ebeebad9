import { describe, expect, it } from 'vitest';
import { mustSign } from './mustSign.js';

const policy = { everyFrames: 4, everyMs: 1000 };

describe('mustSign', () => {
  it('R51: the first UPDATE after a pause is signed', () => {
    expect(mustSign(0, 0, 5000, policy)).toBe(true);
  });

  it('R51: every k-th UPDATE is signed', () => {
    expect(mustSign(2, 1000, 1100, policy)).toBe(false);
    expect(mustSign(3, 1000, 1100, policy)).toBe(true);
  });

  it('R51: an UPDATE t ms after the last signature is signed', () => {
    expect(mustSign(1, 1000, 1999, policy)).toBe(false);
    expect(mustSign(1, 1000, 2000, policy)).toBe(true);
  });
});
