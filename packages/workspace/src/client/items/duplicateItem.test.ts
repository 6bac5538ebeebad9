import { describe, expect, it } from 'vitest';
import { readItem } from '../../space/readItem.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { createItem } from './createItem.js';
import { duplicateItem } from './duplicateItem.js';

describe('duplicateItem', () => {
  it('copies the content under a new id and title; an unlisted source is UNKNOWN_ITEM', async () => {
    const { relay, alice, assemblyId } = await coreCollective();
    const source = await createItem(alice.core, assemblyId, { type: 'document', title: 'Tract', locale: 'fr' });
    relay.relayDoc(assemblyId, source).getXmlFragment('content').insert(0, []);
    relay.relayDoc(assemblyId, source).getMap('probe').set('k', 'v');
    const copy = await duplicateItem(alice.core, assemblyId, source, 'Tract (copie)');
    expect(copy).not.toBe(source);
    const space = await alice.core.openSpace(assemblyId);
    expect(readItem(space.index.doc, copy)).toMatchObject({ type: 'document', title: 'Tract (copie)' });
    expect(relay.relayDoc(assemblyId, copy).getXmlFragment('content').length).toBe(
      relay.relayDoc(assemblyId, source).getXmlFragment('content').length,
    );
    await expect(duplicateItem(alice.core, assemblyId, 'ef'.repeat(16), 'x')).rejects.toMatchObject({
      code: 'UNKNOWN_ITEM',
    });
  });
});
