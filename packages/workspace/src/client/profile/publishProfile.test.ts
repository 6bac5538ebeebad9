import { describe, expect, it } from 'vitest';
import { readPresence } from '../../presence/readPresence.js';
import { readProfiles } from '../../space/readProfiles.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { createItem } from '../items/createItem.js';
import { publishProfile } from './publishProfile.js';

describe('publishProfile', () => {
  it('a new name reaches every open space index and the presence of every open document', async () => {
    const { relay, alice, assemblyId, atelierId } = await coreCollective();
    const id = await createItem(alice.core, assemblyId, { type: 'document', title: 'Note', locale: 'fr' });
    const doc = alice.registry.openItem(await alice.core.openSpace(assemblyId), id);
    await alice.profile.update({ displayName: 'Alice V.', colour: '#117733' });
    await publishProfile(alice.core);
    for (const space of [assemblyId, atelierId]) {
      expect(readProfiles(relay.relayDoc(space, space)).get(alice.core.myId)).toMatchObject({
        displayName: 'Alice V.',
        colour: '#117733',
      });
    }
    expect(readPresence(doc.awareness, alice.core.myId)[0]).toMatchObject({ name: 'Alice V.', colour: '#117733' });
    const atelier = await alice.core.openSpace(atelierId);
    expect(readPresence(atelier.index.awareness, alice.core.myId)[0]?.name).toBe('Alice V.');
  });
});
