import { describe, expect, it } from 'vitest';
import { expectTrameError } from '../testing/fixtures.js';
import { ByteReader } from './ByteReader.js';

describe('ByteReader', () => {
  it('reads unsigned big-endian integers and advances', () => {
    const r = new ByteReader(new Uint8Array([0xff, 0x12, 0x34, 0xde, 0xad, 0xbe, 0xef, 0x80, 0x00, 0x00, 0x00]));
    expect(r.offset).toBe(0);
    expect(r.remaining).toBe(11);
    expect(r.u8()).toBe(0xff);
    expect(r.u16()).toBe(0x1234);
    expect(r.u32()).toBe(0xdeadbeef);
    expect(r.u32()).toBe(0x80000000); // unsigned, never negative
    expect(r.offset).toBe(11);
    expect(r.remaining).toBe(0);
    r.end();
  });

  it('take returns a view of the next bytes, not a copy', () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const r = new ByteReader(bytes);
    r.u8();
    const v = r.take(3);
    expect([...v]).toEqual([2, 3, 4]);
    expect(v.buffer).toBe(bytes.buffer);
    bytes[2] = 42;
    expect(v[1]).toBe(42);
    expect(r.offset).toBe(4);
    expect(r.take(1)[0]).toBe(5);
    expect(r.take(0).length).toBe(0);
    r.end();
  });

  it('R2: reading past the end is MALFORMED_FRAME naming the field, and does not move', () => {
    const r = new ByteReader(new Uint8Array([1, 2, 3]));
    r.u8();
    let e = expectTrameError(() => r.u32('clock'), 'MALFORMED_FRAME');
    expect(e.message).toContain('clock');
    expect(r.offset).toBe(1);
    e = expectTrameError(() => r.take(3, 'nonce'), 'MALFORMED_FRAME');
    expect(e.message).toContain('nonce');
    expect(r.u16()).toBe(0x0203);
    expectTrameError(() => r.u8(), 'MALFORMED_FRAME');
  });

  it('R2: end() rejects trailing bytes', () => {
    const r = new ByteReader(new Uint8Array(4));
    r.u16();
    const e = expectTrameError(() => r.end(), 'MALFORMED_FRAME');
    expect(e.message).toContain('2 trailing bytes');
  });

  it('an empty buffer ends at once and cannot be read', () => {
    const r = new ByteReader(new Uint8Array(0));
    r.end();
    expectTrameError(() => r.u8(), 'MALFORMED_FRAME');
  });

  it('reads a view with a byteOffset relative to the view, not the whole buffer', () => {
    const whole = new Uint8Array([0xaa, 0xbb, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0xcc]);
    const r = new ByteReader(whole.subarray(2, 8));
    expect(r.remaining).toBe(6);
    expect(r.u16()).toBe(1);
    expect(r.u32()).toBe(2);
    r.end();
    expectTrameError(() => r.u8(), 'MALFORMED_FRAME');
  });
});
