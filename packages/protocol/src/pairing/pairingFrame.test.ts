import { describe, expect, it } from 'vitest';
import { decodePairingFrame } from './decodePairingFrame.js';
import { encodePairingFrame } from './encodePairingFrame.js';
import { PAIRING, PairingMode } from './PAIRING.js';

const CH = Uint8Array.of(1, 2, 3, 4, 5);

describe('pairing frames (PROTOCOL.md §11.1)', () => {
  it('R100: OPEN, STATUS, DATA and ERROR round-trip with their documented sizes', () => {
    const open = encodePairingFrame({ kind: 0x30, mode: PairingMode.Join, channel: CH });
    expect(open.length).toBe(8);
    expect(Array.from(open.subarray(0, 3))).toEqual([1, 0x30, 2]);
    expect(decodePairingFrame(open)).toEqual({ kind: 0x30, mode: 2, channel: CH });
    const status = encodePairingFrame({ kind: 0x31, channel: CH, peers: 2, expiresInMs: 299_000 });
    expect(status.length).toBe(12);
    expect(decodePairingFrame(status)).toEqual({ kind: 0x31, channel: CH, peers: 2, expiresInMs: 299_000 });
    const data = encodePairingFrame({ kind: 0x32, payload: Uint8Array.of(9, 8, 7) });
    expect(Array.from(data)).toEqual([1, 0x32, 9, 8, 7]);
    expect(decodePairingFrame(data)).toEqual({ kind: 0x32, payload: Uint8Array.of(9, 8, 7) });
    const error = encodePairingFrame({ kind: 0x33, code: 2020 });
    expect(Array.from(error)).toEqual([1, 0x33, 0x07, 0xe4]);
    expect(decodePairingFrame(error)).toEqual({ kind: 0x33, code: 2020 });
  });

  it('R102: strict parsing: version, kind, mode, lengths, trailing bytes, payload size', () => {
    const bad = (bytes: number[], code: string) =>
      expect(() => decodePairingFrame(Uint8Array.from(bytes))).toThrow(expect.objectContaining({ code }));
    bad([3, 0x30, 1, 0, 0, 0, 0, 0], 'UNSUPPORTED_VERSION');
    bad([1, 0x11], 'MALFORMED_FRAME');
    bad([1, 0x30, 3, 0, 0, 0, 0, 0], 'MALFORMED_FRAME');
    bad([1, 0x30, 1, 0, 0, 0, 0], 'MALFORMED_FRAME');
    bad([1, 0x30, 1, 0, 0, 0, 0, 0, 0], 'MALFORMED_FRAME');
    bad([1, 0x31, 1, 2, 3, 4, 5, 3, 0, 0, 0, 1], 'MALFORMED_FRAME');
    bad([1, 0x32], 'MALFORMED_FRAME');
    bad([1, 0x33, 7], 'MALFORMED_FRAME');
    const big = new Uint8Array(PAIRING.maxDataBytes + 3);
    big.set([1, 0x32]);
    expect(() => decodePairingFrame(big)).toThrow(expect.objectContaining({ code: 'FRAME_TOO_LARGE' }));
    expect(decodePairingFrame(big.subarray(0, PAIRING.maxDataBytes + 2)).kind).toBe(0x32);
  });
});
