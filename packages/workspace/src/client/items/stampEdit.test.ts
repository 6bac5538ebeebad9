import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { readActivity } from '../../space/readActivity.js';
import { readAteliers } from '../../space/readAteliers.js';
import { readItem } from '../../space/readItem.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { fakeCore } from '../../testing/fakeCore.js';
import { createItem } from './createItem.js';
import { stampEdit } from './stampEdit.js';

describe('stampEdit', () => {
  it("stamps the item, the space's activity and the atelier's home card; an observer stamps nothing", async () => {
    let t = 1000;
    const { relay, alice, assemblyId, atelierId } = await coreCollective({ now: () => t });
    const id = await createItem(alice.core, atelierId, { type: 'document', title: 'Note', locale: 'fr' });
    t = 5000;
    await stampEdit(alice.core, atelierId, id);
    const atelier = await alice.core.openSpace(atelierId);
    const assembly = await alice.core.openSpace(assemblyId);
    expect(readItem(atelier.index.doc, id)?.updatedAt).toBe(5000);
    expect(readActivity(atelier.index.doc)[0]).toMatchObject({ at: 5000, itemId: id, action: 'edited' });
    expect(readAteliers(assembly.index.doc).find((a) => a.id === atelierId)?.lastActivityAt).toBe(5000);
    const olga = await fakeCore(relay, 'Olga', { now: () => 9000 });
    relay.spaces.get(atelierId)!.members.set(olga.core.myId, Role.Viewer);
    await stampEdit(olga.core, atelierId, id);
    expect(readItem(atelier.index.doc, id)?.updatedAt).toBe(5000);
  });
});
