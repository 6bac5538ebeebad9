import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fastUnmask } from './fastUnmask.js';

function byteLoop(buffer: Uint8Array, mask: Uint8Array): void {
  for (let i = 0; i < buffer.length; i++) buffer[i]! ^= mask[i & 3]!;
}

describe('fastUnmask', () => {
  it('ADR 0011: unmasks like the byte loop for every length and alignment', () => {
    const mask = randomBytes(4);
    const source = randomBytes(300);
    for (let offset = 0; offset < 8; offset++) {
      for (const length of [0, 1, 2, 3, 4, 5, 7, 8, 9, 31, 64, 65, 255, 291]) {
        const expected = Buffer.from(source.subarray(offset, offset + length));
        byteLoop(expected, mask);
        const memory = Buffer.from(source);
        const view = memory.subarray(offset, offset + length);
        fastUnmask(view, mask);
        expect(Buffer.from(view).equals(expected)).toBe(true);
        // Bytes around the view are left alone.
        expect(memory.subarray(0, offset).equals(source.subarray(0, offset))).toBe(true);
        expect(memory.subarray(offset + length).equals(source.subarray(offset + length))).toBe(true);
      }
    }
  });
});
