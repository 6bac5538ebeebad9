import { describe, expect, it } from 'vitest';
import { decodeInviteToken, encodeInviteToken } from './inviteToken.js';

describe('invite tokens (R35)', () => {
  it('round-trips the space id and seed in a URL-safe string', () => {
    const spaceId = Uint8Array.from({ length: 16 }, (_, i) => i * 7);
    const seed = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
    const token = encodeInviteToken({ spaceId, seed });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeInviteToken(token)).toEqual({ spaceId, seed });
  });

  it('rejects a cut token with a typed error', () => {
    const token = encodeInviteToken({ spaceId: new Uint8Array(16), seed: new Uint8Array(32) });
    expect(() => decodeInviteToken(token.slice(0, 20))).toThrowError(
      expect.objectContaining({ code: 'MALFORMED_FRAME' }),
    );
  });
});
