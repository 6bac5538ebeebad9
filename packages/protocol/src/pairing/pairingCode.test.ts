import { describe, expect, it } from 'vitest';
import { formatPairingCode } from './formatPairingCode.js';
import { parsePairingCode } from './parsePairingCode.js';

describe('pairing codes (PROTOCOL.md §11.1)', () => {
  it('R101: a channel id reads as 8 characters of Crockford base 32 and back', () => {
    const id = Uint8Array.of(0x00, 0x44, 0x32, 0x14, 0xc7);
    const code = formatPairingCode(id);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parsePairingCode(code)).toEqual(id);
    for (let i = 0; i < 200; i++) {
      const r = crypto.getRandomValues(new Uint8Array(5));
      expect(parsePairingCode(formatPairingCode(r))).toEqual(r);
    }
    expect(formatPairingCode(new Uint8Array(5))).toBe('0000-0000');
    expect(formatPairingCode(new Uint8Array(5).fill(255))).toBe('ZZZZ-ZZZZ');
  });

  it('R101: typing is forgiving (case, spaces, dashes, I/L/O) and a link to the app gives its code', () => {
    const id = crypto.getRandomValues(new Uint8Array(5));
    const code = formatPairingCode(id);
    expect(parsePairingCode(` ${code.toLowerCase().replace('-', ' ')} `)).toEqual(id);
    expect(parsePairingCode(`https://trame.example/link#${code}`)).toEqual(id);
    expect(parsePairingCode('0OO0-1IL1')).toEqual(parsePairingCode('0000-1111'));
  });

  it('R101: anything else is not a code', () => {
    expect(parsePairingCode('')).toBeNull();
    expect(parsePairingCode('ABCD-EFG')).toBeNull();
    expect(parsePairingCode('ABCD-EFGHJ')).toBeNull();
    expect(parsePairingCode('ABCD-EFGU')).toBeNull();
    expect(parsePairingCode('ABCD-EFG!')).toBeNull();
  });
});
