import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { readProfiles } from '../../space/readProfiles.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { fakeCore } from '../../testing/fakeCore.js';
import { tokenOf } from '../../testing/tokenOf.js';
import { acceptInvite } from './acceptInvite.js';
import { createInvite } from './createInvite.js';

describe('acceptInvite', () => {
  it('joins an atelier, publishes the profile, remembers it under its assembly; a used link is refused', async () => {
    const { relay, alice, assemblyId, atelierId } = await coreCollective();
    const link = await createInvite(alice.core, atelierId, { role: Role.Editor, expiry: '7d', origin: 'https://t' });
    const bob = await fakeCore(relay, 'Bob');
    expect(await acceptInvite(bob.core, tokenOf(link))).toEqual({ id: atelierId, kind: 'atelier', assemblyId });
    expect(bob.core.isJoined(atelierId)).toBe(true);
    expect((await bob.store.load())?.spaces).toMatchObject([{ id: atelierId, kind: 'atelier', assemblyId }]);
    expect(readProfiles(relay.relayDoc(atelierId, atelierId)).get(bob.core.myId)?.displayName).toBe('Bob');
    const claire = await fakeCore(relay, 'Claire');
    await expect(acceptInvite(claire.core, tokenOf(link))).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });
    expect(claire.core.isJoined(atelierId)).toBe(false);
  });
});
