import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { defaultCollectivePlan } from '../collective/defaultCollectivePlan.js';
import { readBoard } from '../board/readBoard.js';
import { publishDecisions } from '../decisions/publishDecisions.js';
import { addDecision } from '../minutes/addDecision.js';
import { readMinutes } from '../minutes/readMinutes.js';
import { updateDecision } from '../minutes/updateDecision.js';
import { findMainBoard } from '../space/findMainBoard.js';
import { readAteliers } from '../space/readAteliers.js';
import { FakeRelay } from '../testing/FakeRelay.js';
import { fakeClient } from '../testing/fakeClient.js';
import { isAccessRefusal } from './isAccessRefusal.js';

/** A collective with one atelier ("Juridique"), made by Alice over the fake relay. */
async function collective() {
  const relay = new FakeRelay();
  const alice = await fakeClient(relay, 'Alice');
  const plan = defaultCollectivePlan('fr');
  const assemblyId = await alice.client.createCollective(
    { ...plan, collectiveName: 'Convergence', ateliers: plan.ateliers.slice(0, 1) },
    'fr',
  );
  const assembly = await alice.client.openSpace(assemblyId);
  const atelierId = readAteliers(assembly.index.doc)[0]!.id;
  return { relay, alice, assemblyId, atelierId };
}

describe('TrameClient over a fake relay', () => {
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

  it('MINUTES-5: a corrected decision reaches the atelier card, a withdrawn one is marked on it', async () => {
    const { alice, assemblyId, atelierId } = await collective();
    const c = alice.client;
    const minutesId = await c.createItem(assemblyId, {
      type: 'minutes',
      title: 'AG',
      templateId: 'minutes.assembly',
      locale: 'fr',
    });
    const minutes = await c.openItem(assemblyId, minutesId);
    const assembly = await c.openSpace(assemblyId);
    const itemId = readMinutes(minutes.doc).agenda[0]!.id;
    const decisionId = addDecision(minutes.doc, itemId, { text: 'Marche le 22', ateliers: [atelierId], now: 1 })!;
    const deliver = async () => {
      publishDecisions(assembly.index.doc, minutes.doc, minutesId);
      await c.reconcileDecisions(atelierId, { locale: 'fr', describe: () => '' });
    };
    const card = async () => {
      const atelier = await c.openSpace(atelierId);
      const board = await c.openItem(atelierId, findMainBoard(atelier.index.doc)!.id);
      const found = readBoard(board.doc)
        .columns.flatMap((col) => col.cards)
        .find((x) => x.source);
      c.closeItem(board);
      return found;
    };
    await deliver();
    expect((await card())?.title).toBe('Marche le 22');
    updateDecision(minutes.doc, itemId, decisionId, { text: 'Marche le 22 (départ 14h)' });
    await deliver();
    expect((await card())?.title).toBe('Marche le 22 (départ 14h)');
    expect((await card())?.source?.modifiedAt).toBeGreaterThan(0);
    updateDecision(minutes.doc, itemId, decisionId, { remove: true });
    await deliver();
    expect((await card())?.source?.withdrawnAt).toBeGreaterThan(0);
    c.closeItem(minutes);
  });

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
