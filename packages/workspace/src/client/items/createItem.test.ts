import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { readMinutes } from '../../minutes/readMinutes.js';
import { readItems } from '../../space/readItems.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { fakeCore } from '../../testing/fakeCore.js';
import { createItem } from './createItem.js';

describe('createItem', () => {
  it('writes the template to the relay and lists the item; an observer is refused and nothing is written', async () => {
    const { relay, alice, assemblyId } = await coreCollective();
    const id = await createItem(alice.core, assemblyId, {
      type: 'minutes',
      title: ' AG de mars ',
      templateId: 'minutes.assembly',
      locale: 'fr',
    });
    expect(readMinutes(relay.relayDoc(assemblyId, id)).agenda.length).toBeGreaterThan(0);
    const assembly = await alice.core.openSpace(assemblyId);
    expect(readItems(assembly.index.doc).find((i) => i.id === id)?.title).toBe('AG de mars');
    // An observer: FORBIDDEN, no document opened on the relay.
    const olga = await fakeCore(relay, 'Olga');
    relay.spaces.get(assemblyId)!.members.set(olga.core.myId, Role.Viewer);
    const opened = relay.opened.length;
    await expect(
      createItem(olga.core, assemblyId, { type: 'document', title: 'x', locale: 'fr' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(relay.opened.length).toBe(opened + 1); // her space index only
    expect(readItems(assembly.index.doc).map((i) => i.title)).not.toContain('x');
  });
});
