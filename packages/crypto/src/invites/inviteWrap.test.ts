import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../identity/generateIdentity.js';
import { openSealed } from '../keys/openSealed.js';
import { sealToIdentity } from '../keys/sealToIdentity.js';
import { randomBytes } from '../sodium/randomBytes.js';
import { ready } from '../sodium/sodium.js';
import { unwrapInviteSealed } from './unwrapInviteSealed.js';
import { wrapInviteSealed } from './wrapInviteSealed.js';

beforeAll(ready);

describe('invite wrap (R76, MEMBERSHIP-3)', () => {
  it('R76: the bundle opens only with both the link secret and the wrap secret, in its context', () => {
    const invite = generateIdentity();
    const spaceId = randomBytes(16);
    const ctx = { spaceId, invite: invite.publicKey };
    const wrap = randomBytes(32);
    const plain = new Uint8Array([1, 2, 3, 4]);
    const wrapped = wrapInviteSealed(wrap, sealToIdentity(invite.publicKey, plain), ctx);
    expect(openSealed(invite, unwrapInviteSealed(wrap, wrapped, ctx))).toEqual(plain);
    // The link alone: the outer layer is not a sealed box.
    expect(() => openSealed(invite, wrapped)).toThrow(expect.objectContaining({ code: 'DECRYPT_FAILED' }));
    // Another wrap secret, another space or another invite identity: refused.
    expect(() => unwrapInviteSealed(randomBytes(32), wrapped, ctx)).toThrow(
      expect.objectContaining({ code: 'DECRYPT_FAILED' }),
    );
    expect(() => unwrapInviteSealed(wrap, wrapped, { ...ctx, spaceId: randomBytes(16) })).toThrow(
      expect.objectContaining({ code: 'DECRYPT_FAILED' }),
    );
    expect(() => unwrapInviteSealed(wrap, wrapped, { ...ctx, invite: generateIdentity().publicKey })).toThrow(
      expect.objectContaining({ code: 'DECRYPT_FAILED' }),
    );
    expect(() => unwrapInviteSealed(wrap, wrapped.subarray(0, 24), ctx)).toThrow(
      expect.objectContaining({ code: 'DECRYPT_FAILED' }),
    );
  });
});
