import { describe, expect, it } from 'vitest';
import { decodeInviteToken, encodeInviteToken } from './inviteToken.js';

describe('invite tokens (R35, R39)', () => {
  it('R39: round-trips the space id, seed and the pinned INVITE entry in a URL-safe string', () => {
    const spaceId = Uint8Array.from({ length: 16 }, (_, i) => i * 7);
    const seed = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
    const inviteHash = Uint8Array.from({ length: 32 }, (_, i) => i);
    const token = encodeInviteToken({ spaceId, seed, inviteSeq: 70_000, inviteHash });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeInviteToken(token)).toEqual({ spaceId, seed, inviteSeq: 70_000, inviteHash });
  });

  it('rejects a cut token, or one made before R39 (space id and seed only), with a typed error', () => {
    const token = encodeInviteToken({
      spaceId: new Uint8Array(16),
      seed: new Uint8Array(32),
      inviteSeq: 1,
      inviteHash: new Uint8Array(32),
    });
    for (const cut of [token.slice(0, 20), token.slice(0, 64)]) {
      expect(() => decodeInviteToken(cut)).toThrowError(expect.objectContaining({ code: 'MALFORMED_FRAME' }));
    }
  });
});
