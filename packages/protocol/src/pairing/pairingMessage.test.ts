import { describe, expect, it } from 'vitest';
import { decodePairingMessage } from './decodePairingMessage.js';
import { encodePairingMessage } from './encodePairingMessage.js';
import { LinkSide, type PairingMessage } from './PairingMessage.js';

const k = (v: number) => new Uint8Array(32).fill(v);

describe('pairing messages (PROTOCOL.md §11.3)', () => {
  it('R104: COMMIT, KEY, REVEAL and SEALED round-trip', () => {
    const all: PairingMessage[] = [
      { type: 0x01, side: LinkSide.HasAccount, commitment: k(1) },
      { type: 0x02, side: LinkSide.NewDevice, key: k(2) },
      { type: 0x03, key: k(3) },
      { type: 0x04, nonce: new Uint8Array(24).fill(4), ciphertext: new Uint8Array(40).fill(5) },
    ];
    const sizes = [34, 34, 33, 65];
    all.forEach((m, i) => {
      const bytes = encodePairingMessage(m);
      expect(bytes.length).toBe(sizes[i]);
      expect(decodePairingMessage(bytes)).toEqual(m);
    });
  });

  it('R104: unknown types, sides, short or long messages are malformed', () => {
    const bad = (bytes: Uint8Array) =>
      expect(() => decodePairingMessage(bytes)).toThrow(expect.objectContaining({ code: 'MALFORMED_FRAME' }));
    bad(Uint8Array.of(9));
    bad(Uint8Array.of(1, 3, ...k(0)));
    bad(Uint8Array.of(2, 1, ...k(0).subarray(1)));
    bad(Uint8Array.of(3, ...k(0), 0));
    bad(Uint8Array.of(4, ...new Uint8Array(24), ...new Uint8Array(15)));
  });
});
