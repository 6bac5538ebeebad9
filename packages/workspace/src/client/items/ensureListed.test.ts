import { describe, expect, it } from 'vitest';
import { readMinutes } from '../../minutes/readMinutes.js';
import { fakeCollective as collective } from '../../testing/fakeCollective.js';

describe('ensureListed (through TrameClient.openItem)', () => {
  it('MINUTES-3: an item id the space does not list opens nothing; a malformed one neither', async () => {
    const { relay, alice, assemblyId } = await collective();
    const unknown = 'ab'.repeat(16);
    const before = relay.opened.length;
    await expect(alice.client.openItem(assemblyId, unknown)).rejects.toMatchObject({ code: 'UNKNOWN_ITEM' });
    await expect(alice.client.openItem(assemblyId, '../etc')).rejects.toMatchObject({ code: 'UNKNOWN_ITEM' });
    expect(relay.opened.length).toBe(before);
    expect([...relay.docs.keys()].some((k) => k.endsWith(unknown))).toBe(false);
    const listed = await alice.client.createItem(assemblyId, {
      type: 'minutes',
      title: 'AG',
      templateId: 'minutes.assembly',
      locale: 'fr',
    });
    const session = await alice.client.openItem(assemblyId, listed);
    expect(readMinutes(session.doc).agenda.length).toBeGreaterThan(0);
    alice.client.closeItem(session);
  });
});
