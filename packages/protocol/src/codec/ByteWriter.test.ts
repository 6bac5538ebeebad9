import { describe, expect, it } from 'vitest';
import { expectBytes, rand } from '../testing/fixtures.js';
import { ByteReader } from './ByteReader.js';
import { ByteWriter } from './ByteWriter.js';

describe('ByteWriter', () => {
  it('writes big-endian integers and bytes, chaining', () => {
    const out = new ByteWriter().u8(0xab).u16(0x1234).u32(0xdeadbeef).bytes(new Uint8Array([9, 8])).finish();
    expect([...out]).toEqual([0xab, 0x12, 0x34, 0xde, 0xad, 0xbe, 0xef, 9, 8]);
  });

  it('writes the largest unsigned values', () => {
    const out = new ByteWriter().u8(255).u16(65535).u32(0xffffffff).finish();
    const r = new ByteReader(out);
    expect([r.u8(), r.u16(), r.u32()]).toEqual([255, 65535, 0xffffffff]);
  });

  it('length counts written bytes and finish returns an exact-size copy', () => {
    const w = new ByteWriter(64).u32(1);
    expect(w.length).toBe(4);
    const a = w.finish();
    expect(a.length).toBe(4);
    expect(a.buffer.byteLength).toBe(4);
    a[0] = 0xff;
    w.u8(7);
    const b = w.finish();
    expect([...b]).toEqual([0, 0, 0, 1, 7]);
  });

  it('grows past its initial capacity without losing bytes', () => {
    const w = new ByteWriter(1);
    const expected: number[] = [];
    for (let i = 0; i < 1000; i++) {
      w.u16(i);
      expected.push(i >> 8, i & 0xff);
    }
    expect([...w.finish()]).toEqual(expected);
  });

  it('grows in one step for a write much larger than twice its capacity', () => {
    const big = rand(100_000);
    const out = new ByteWriter(2).u8(1).bytes(big).u8(2).finish();
    expect(out.length).toBe(100_002);
    expectBytes(out.subarray(1, 100_001), big);
    expect(out[100_001]).toBe(2);
  });

  it('a writer created with capacity 0 grows too (regression: it looped forever)', () => {
    const out = new ByteWriter(0).u8(1).u32(2).bytes(rand(40)).finish();
    expect(out.length).toBe(45);
    expect(new ByteWriter(0).finish().length).toBe(0);
  });

  it('fixed() refuses bytes of another length', () => {
    expect(() => new ByteWriter().fixed(new Uint8Array(15), 16)).toThrow(RangeError);
    expect(() => new ByteWriter().fixed(new Uint8Array(17), 16)).toThrow(/expected 16 bytes, got 17/);
    expect([...new ByteWriter().fixed(new Uint8Array([1, 2]), 2).finish()]).toEqual([1, 2]);
  });

  it('writes a view with a byteOffset correctly', () => {
    const whole = new Uint8Array([1, 2, 3, 4, 5, 6]);
    expect([...new ByteWriter().bytes(whole.subarray(2, 5)).finish()]).toEqual([3, 4, 5]);
  });
});
