import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { fakeClient } from '../testing/fakeClient.js';
import { fakeCollective as collective } from '../testing/fakeCollective.js';
import { isAccessRefusal } from './isAccessRefusal.js';

/** Spaces and sessions: what the facade itself keeps (the commands are tested beside them). */
describe('TrameClient over a fake relay', () => {
  it('MINUTES-4: a refusal for a space never joined erases nothing; a removal from a joined one does', async () => {
    const { relay, alice, assemblyId, atelierId } = await collective();
    const dora = await fakeClient(relay, 'Dora');
    const link = await alice.client.createInvite(atelierId, {
      role: Role.Viewer,
      expiry: 'never',
      origin: 'https://t',
    });
    await dora.client.acceptInvite(link.split('#')[1]!.split('.').slice(0, 2).join('.'));
    const removed: string[] = [];
    dora.client.onRemoved((id) => removed.push(id));
    // The assembly's minutes, followed from a decision card: refused, classified, nothing erased.
    const refusal = await dora.client.openSpace(assemblyId).catch((e: unknown) => e);
    expect(isAccessRefusal(refusal)).toBe(true);
    expect(dora.forgotten).toEqual([]);
    expect(removed).toEqual([]);
    expect(dora.client.isJoined(atelierId)).toBe(true);
    // Removed from the atelier: forgotten on this device.
    const atelier = await dora.client.openSpace(atelierId);
    atelier.session.emit('removed', []);
    await new Promise((r) => setTimeout(r, 0));
    expect(removed).toEqual([atelierId]);
    expect(dora.forgotten).toEqual([atelierId]);
    expect(dora.client.isJoined(atelierId)).toBe(false);
  });
});
