import { describe, expect, it } from 'vitest';
import { FrameKind } from '../constants/FrameKind.js';
import { MAX_DEVICE_CHAIN_LINKS, MembershipAction } from '../constants/MembershipAction.js';
import { buildMembership, decodeAs, expectBytes, expectTrameError, rand, u32At } from '../testing/fixtures.js';
import { appendSignature } from './content.js';
import { decodeFrame } from './decodeFrame.js';

const link = (n: number) => ({ device: rand(32), issuedAt: 1_900_000_000 + n, signature: rand(64) });

describe('R121: the device chain of a MEMBERSHIP frame (protocol 5)', () => {
  it('R121: a chain of 1 to 3 links round-trips, each link 100 bytes before the signature', () => {
    for (let n = 1; n <= MAX_DEVICE_CHAIN_LINKS; n++) {
      const chain = Array.from({ length: n }, (_, i) => link(i));
      const raw = buildMembership({ action: MembershipAction.Accept, deviceChain: chain });
      const plain = buildMembership({ action: MembershipAction.Accept });
      expect(raw.length).toBe(plain.length + 100 * n);
      // Layout: u8 count, then device ‖ u32 issuedAt ‖ sig per link, then the entry's signature.
      const at = raw.length - 64 - 100 * n - 1;
      expect(raw[at]).toBe(n);
      expectBytes(raw.subarray(at + 1, at + 33), chain[0]!.device);
      expect(u32At(raw, at + 33)).toBe(chain[0]!.issuedAt);
      const f = decodeAs(raw, FrameKind.Membership);
      expect(f.deviceChain).toHaveLength(n);
      chain.forEach((l, i) => {
        expectBytes(f.deviceChain[i]!.device, l.device);
        expect(f.deviceChain[i]!.issuedAt).toBe(l.issuedAt);
        expectBytes(f.deviceChain[i]!.signature, l.signature);
      });
      // The chain is part of the signed body.
      expect(f.body.length).toBe(raw.length - 64);
    }
  });

  it('R121: a chain longer than 3 links is MALFORMED_FRAME, and never encoded', () => {
    const raw = buildMembership({ deviceChain: [link(0)] });
    const at = raw.length - 64 - 100 - 1;
    const four = new Uint8Array(raw.length + 300);
    four.set(raw.subarray(0, at));
    four[at] = 4;
    four.set(raw.subarray(at + 1, raw.length - 64), at + 1);
    four.set(raw.subarray(raw.length - 64), four.length - 64);
    expectTrameError(() => decodeFrame(four), 'MALFORMED_FRAME');
    expect(() => buildMembership({ deviceChain: [link(0), link(1), link(2), link(3)] })).toThrow(RangeError);
  });

  it('R121: a chain length that runs past the frame, or a missing length byte, is MALFORMED_FRAME', () => {
    const raw = buildMembership({});
    const lying = raw.slice();
    lying[raw.length - 65] = 1; // announces a link that is not there
    expectTrameError(() => decodeFrame(lying), 'MALFORMED_FRAME');
    const short = appendSignature(raw.subarray(0, raw.length - 65), raw.subarray(raw.length - 64));
    expectTrameError(() => decodeFrame(short), 'MALFORMED_FRAME');
  });

  it('R121/R1: a version 4 frame has no chain field: its entry decodes with an empty chain', () => {
    const raw = buildMembership({});
    const v4 = appendSignature(raw.subarray(0, raw.length - 65), raw.subarray(raw.length - 64));
    v4[0] = 4;
    expect(decodeAs(v4, FrameKind.Membership).deviceChain).toEqual([]);
  });
});
