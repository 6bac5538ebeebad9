import { Role, TrameError } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { coreCollective } from '../../testing/coreCollective.js';
import { fakeCore } from '../../testing/fakeCore.js';
import type { FakeDocumentSession } from '../../testing/FakeDocumentSession.js';
import { createItem } from '../items/createItem.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('SpaceRegistry', () => {
  it('opens a space once; a refused open is not kept, so a later open asks again', async () => {
    const { relay, alice, assemblyId } = await coreCollective();
    expect(alice.registry.open(assemblyId)).toBe(alice.registry.open(assemblyId));
    const bob = await fakeCore(relay, 'Bob');
    await expect(bob.registry.open(assemblyId)).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });
    expect(bob.registry.has(assemblyId)).toBe(false);
    relay.spaces.get(assemblyId)!.members.set(bob.core.myId, Role.Editor);
    expect((await bob.registry.open(assemblyId)).id).toBe(assemblyId);
  });

  it('MINUTES-7: offline, documents disconnect; back online they reconnect and retry at once', async () => {
    const { alice, assemblyId } = await coreCollective();
    const id = await createItem(alice.core, assemblyId, { type: 'document', title: 'Note', locale: 'fr' });
    const space = await alice.registry.open(assemblyId);
    const item = alice.registry.openItem(space, id) as FakeDocumentSession;
    const index = space.index as FakeDocumentSession;
    alice.registry.setOnline(false);
    alice.registry.setOnline(false);
    await tick();
    expect(item.calls).toEqual(['disconnect']);
    expect(index.calls).toEqual(['disconnect']);
    expect(alice.core.online).toBe(false);
    alice.registry.setOnline(true);
    await tick();
    expect(item.calls).toEqual(['disconnect', 'connect', 'retryNow']);
    // Already online (the relay was down): whatever waits retries now.
    alice.registry.setOnline(true);
    await tick();
    expect(item.calls.at(-1)).toBe('retryNow');
    expect(index.calls.filter((c) => c === 'retryNow').length).toBe(2);
  });

  it('MEMBERSHIP-6: a relay refusal erases nothing; a verified removal forgets the space and its open items', async () => {
    const { alice, assemblyId, atelierId } = await coreCollective();
    const refused: string[] = [];
    const removed: string[] = [];
    alice.registry.onRelayRefused((id) => refused.push(id));
    alice.registry.onRemoved((id) => removed.push(id));
    const atelier = await alice.registry.open(atelierId);
    const id = await createItem(alice.core, atelierId, { type: 'document', title: 'Note', locale: 'fr' });
    alice.registry.openItem(atelier, id);
    atelier.session.emit('error', [new TrameError('NOT_A_MEMBER', 'the relay says so')]);
    expect(refused).toEqual([atelierId]);
    expect(alice.forgotten).toEqual([]);
    expect(alice.profile.isJoined(atelierId)).toBe(true);
    atelier.session.emit('removed', []);
    await tick();
    expect(removed).toEqual([atelierId]);
    expect(alice.forgotten).toEqual([atelierId]);
    expect(alice.profile.isJoined(atelierId)).toBe(false);
    expect(alice.registry.items()).toEqual([]);
    expect(atelier.session.closed).toBe(true);
    expect(alice.registry.has(assemblyId)).toBe(true);
  });

  it('"Oublier cet espace" forgets a space that never opened; leaving writes every open document to the cache', async () => {
    const { alice, assemblyId } = await coreCollective();
    await alice.profile.remember({ id: 'ef'.repeat(16), kind: 'atelier', assemblyId, joinedAt: 1 });
    await alice.registry.forget('ef'.repeat(16));
    expect(alice.profile.isJoined('ef'.repeat(16))).toBe(false);
    expect(alice.forgotten).toEqual(['ef'.repeat(16)]);
    const space = await alice.registry.open(assemblyId);
    const item = alice.registry.openItem(
      space,
      await createItem(alice.core, assemblyId, { type: 'board', title: 'T', locale: 'fr' }),
    );
    let hooked = 0;
    alice.registry.beforeLeaving(() => hooked++);
    alice.registry.leaving();
    await tick();
    expect(hooked).toBe(1);
    expect((item as FakeDocumentSession).calls).toContain('saveNow');
    expect((space.index as FakeDocumentSession).calls).toContain('saveNow');
    await alice.registry.close();
    expect((item as FakeDocumentSession).destroyed).toBe(true);
    expect(alice.registry.has(assemblyId)).toBe(false);
  });
});
