import { fromHex } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { readItem } from '../../space/readItem.js';
import { coreCollective } from '../../testing/coreCollective.js';
import { createItem } from './createItem.js';
import { trackEdits } from './trackEdits.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('trackEdits', () => {
  it('stamps the first local edit at once, later ones once per interval (or when stopped), remote edits never', async () => {
    let t = 1000;
    const { relay, alice, assemblyId } = await coreCollective({ now: () => t });
    const id = await createItem(alice.core, assemblyId, { type: 'document', title: 'Note', locale: 'fr' });
    const space = await alice.core.openSpace(assemblyId);
    const stamped = () => readItem(space.index.doc, id)?.updatedAt;
    const item = alice.core.openDoc(space.session, fromHex(id));
    const stop = trackEdits(alice.core, assemblyId, id, item, 60_000);
    t = 2000;
    relay.relayDoc(assemblyId, id).getText('t').insert(0, 'remote');
    await tick();
    expect(stamped()).toBe(1000);
    item.doc.getText('t').insert(0, 'a');
    await tick();
    expect(stamped()).toBe(2000);
    t = 3000;
    item.doc.getText('t').insert(0, 'b');
    await tick();
    expect(stamped()).toBe(2000);
    t = 4000;
    stop();
    await tick();
    expect(stamped()).toBe(4000);
    item.destroy();
  });
});
