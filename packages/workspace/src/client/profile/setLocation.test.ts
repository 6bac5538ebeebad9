import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { readPresence } from '../../presence/readPresence.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { fakeCore } from '../../testing/fakeCore.js';
import { tokenOf } from '../../testing/tokenOf.js';
import { acceptInvite } from '../invites/acceptInvite.js';
import { createInvite } from '../invites/createInvite.js';
import { setLocation } from './setLocation.js';

describe('setLocation', () => {
  it("publishes where we are in the assembly's awareness; someone outside the assembly never opens it", async () => {
    const { relay, alice, assemblyId, atelierId } = await coreCollective();
    const here = { spaceId: atelierId, itemId: '' };
    await setLocation(alice.core, assemblyId, here);
    const assembly = await alice.core.openSpace(assemblyId);
    expect(readPresence(assembly.index.awareness, alice.core.myId)[0]?.location).toEqual(here);
    await setLocation(alice.core, assemblyId, null);
    expect(readPresence(assembly.index.awareness, alice.core.myId)[0]?.location).toBeNull();
    // Dora, in the atelier only: remembered for later spaces, nothing opened in the assembly.
    const dora = await fakeCore(relay, 'Dora');
    await acceptInvite(
      dora.core,
      tokenOf(await createInvite(alice.core, atelierId, { role: Role.Viewer, expiry: '7d', origin: 'https://t' })),
    );
    const opened = relay.opened.length;
    await setLocation(dora.core, assemblyId, here);
    expect(dora.core.location).toEqual(here);
    expect(dora.core.isOpen(assemblyId)).toBe(false);
    expect(relay.opened.length).toBe(opened);
  });
});
