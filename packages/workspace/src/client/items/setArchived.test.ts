import { describe, expect, it } from 'vitest';
import { readActivity } from '../../space/readActivity.js';
import { readItems } from '../../space/readItems.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { createItem } from './createItem.js';
import { setArchived } from './setArchived.js';

describe('setArchived', () => {
  it('hides an item from the list and brings it back, deleting nothing', async () => {
    const { relay, alice, assemblyId } = await coreCollective();
    const id = await createItem(alice.core, assemblyId, { type: 'document', title: 'Tract', locale: 'fr' });
    const space = await alice.core.openSpace(assemblyId);
    await setArchived(alice.core, assemblyId, id, true);
    expect(readItems(space.index.doc).some((i) => i.id === id)).toBe(false);
    expect(readItems(space.index.doc, { archived: true }).some((i) => i.id === id)).toBe(true);
    expect(relay.docs.has(`${assemblyId}:${id}`)).toBe(true);
    expect(readActivity(space.index.doc)[0]).toMatchObject({ itemId: id, action: 'archived' });
    await setArchived(alice.core, assemblyId, id, false);
    expect(readItems(space.index.doc).some((i) => i.id === id)).toBe(true);
    expect(readActivity(space.index.doc)[0]).toMatchObject({ itemId: id, action: 'restored' });
    await expect(setArchived(alice.core, assemblyId, 'ef'.repeat(16), true)).rejects.toMatchObject({
      code: 'UNKNOWN_ITEM',
    });
  });
});
