import { describe, expect, it } from 'vitest';
import { readActivity } from '../../space/readActivity.js';
import { readItem } from '../../space/readItem.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { createItem } from './createItem.js';
import { renameItem } from './renameItem.js';

describe('renameItem', () => {
  it('renames a listed item and records it; an unlisted id is UNKNOWN_ITEM and records nothing', async () => {
    const { alice, assemblyId } = await coreCollective();
    const id = await createItem(alice.core, assemblyId, { type: 'board', title: 'Tâches', locale: 'fr' });
    await renameItem(alice.core, assemblyId, id, '  Tâches de mars ');
    const space = await alice.core.openSpace(assemblyId);
    expect(readItem(space.index.doc, id)?.title).toBe('Tâches de mars');
    expect(readActivity(space.index.doc)[0]).toMatchObject({ itemId: id, action: 'renamed' });
    const before = readActivity(space.index.doc).length;
    await expect(renameItem(alice.core, assemblyId, 'ef'.repeat(16), 'x')).rejects.toMatchObject({
      code: 'UNKNOWN_ITEM',
    });
    expect(readActivity(space.index.doc).length).toBe(before);
  });
});
