import { describe, expect, it } from 'vitest';
import { rand } from '../testing/fixtures.js';
import { bytesEqual } from './bytesEqual.js';
import { concatBytes } from './concatBytes.js';
import { fromHex, toHex } from './hex.js';
import { isZero } from './isZero.js';

describe('toHex / fromHex', () => {
  it('toHex is lower-case with two digits per byte', () => {
    expect(toHex(new Uint8Array([0, 1, 0x0f, 0x10, 0xab, 0xff]))).toBe('00010f10abff');
    expect(toHex(new Uint8Array(0))).toBe('');
  });

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const h = toHex(all);
    expect(h).toHaveLength(512);
    expect([...fromHex(h)]).toEqual([...all]);
  });

  it('round-trips random ids and keys', () => {
    for (const n of [16, 32, 64]) {
      const b = rand(n);
      expect(bytesEqual(fromHex(toHex(b)), b)).toBe(true);
    }
  });

  it('fromHex accepts upper and mixed case', () => {
    expect([...fromHex('ABcdEf')]).toEqual([0xab, 0xcd, 0xef]);
    expect(fromHex('').length).toBe(0);
  });

  it('fromHex rejects odd lengths and non-hex characters', () => {
    for (const bad of ['a', 'abc', 'zz', '0x00', 'ab cd', ' ab', 'ab\n', '+1', '-1', 'éé', 'g0']) {
      expect(() => fromHex(bad), JSON.stringify(bad)).toThrow(TypeError);
    }
  });

  it('toHex of a view only covers the view', () => {
    const whole = new Uint8Array([1, 2, 3, 4]);
    expect(toHex(whole.subarray(1, 3))).toBe('0203');
  });
});

describe('bytesEqual', () => {
  it('compares length and every byte', () => {
    expect(bytesEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
    expect(bytesEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(bytesEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
    expect(bytesEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(bytesEqual(new Uint8Array([0, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(false);
  });

  it('compares views by content, whatever their offsets', () => {
    const a = new Uint8Array([9, 1, 2, 3]);
    const b = new Uint8Array([1, 2, 3, 9, 9]);
    expect(bytesEqual(a.subarray(1), b.subarray(0, 3))).toBe(true);
  });
});

describe('concatBytes', () => {
  it('concatenates in order into a new array', () => {
    const a = new Uint8Array([1, 2]);
    const b = new Uint8Array([]);
    const c = new Uint8Array([3]);
    const out = concatBytes(a, b, c);
    expect([...out]).toEqual([1, 2, 3]);
    a[0] = 99;
    expect(out[0]).toBe(1);
  });

  it('with no or one part returns a fresh copy', () => {
    expect(concatBytes().length).toBe(0);
    const a = new Uint8Array([5, 6]);
    const out = concatBytes(a);
    expect(out).not.toBe(a);
    expect([...out]).toEqual([5, 6]);
  });

  it('copies views, not their whole buffers', () => {
    const whole = new Uint8Array([1, 2, 3, 4, 5]);
    expect([...concatBytes(whole.subarray(3), whole.subarray(0, 1))]).toEqual([4, 5, 1]);
  });
});

describe('isZero', () => {
  it('is true only when every byte is zero', () => {
    expect(isZero(new Uint8Array(16))).toBe(true);
    expect(isZero(new Uint8Array(0))).toBe(true);
    const last = new Uint8Array(32);
    last[31] = 1;
    expect(isZero(last)).toBe(false);
    expect(isZero(new Uint8Array([0x80]))).toBe(false);
  });
});
