import { Role } from '@trame/protocol';
import { keyFingerprint } from '@trame/sync';
import { describe, expect, it } from 'vitest';
import { coreCollective } from '../../testing/coreCollective.js';
import { tokenOf } from '../../testing/tokenOf.js';
import { createInvite } from './createInvite.js';
import { previewInvite } from './previewInvite.js';

describe('previewInvite', () => {
  it("MEMBERSHIP-1: before any identity exists, names the inviter by her key's fingerprint from the relay's log", async () => {
    const { relay, alice, atelierId } = await coreCollective();
    const link = await createInvite(alice.core, atelierId, { role: Role.Viewer, expiry: '7d', origin: 'https://t' });
    // Only the SpaceSession part of the sync API and a relay URL: no identity, no profile.
    const verified = await previewInvite(relay.api(), { relayUrl: 'ws://fake/ws', token: tokenOf(link) });
    expect(verified).toEqual({
      spaceId: atelierId,
      role: Role.Viewer,
      expiresAt: 0,
      inviterId: alice.core.myId,
      inviterFingerprint: keyFingerprint(alice.identity.publicKey),
    });
    expect(verified.inviterFingerprint).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Still pending: previewing does not use the invite up.
    expect(relay.spaces.get(atelierId)!.invites.size).toBe(1);
  });

  it('R39: a relay that does not serve the pinned INVITE entry is a typed INVITE_MISMATCH', async () => {
    const { relay, alice, atelierId } = await coreCollective();
    const token = tokenOf(
      await createInvite(alice.core, atelierId, { role: Role.Admin, expiry: '1d', origin: 'https://t' }),
    );
    relay.forgedInvites.add(token);
    await expect(previewInvite(relay.api(), { relayUrl: 'ws://fake/ws', token })).rejects.toMatchObject({
      code: 'INVITE_MISMATCH',
    });
  });
});
