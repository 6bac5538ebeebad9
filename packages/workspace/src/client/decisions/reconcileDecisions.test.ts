import { describe, expect, it } from 'vitest';
import { readBoard } from '../../board/readBoard.js';
import { publishDecisions } from '../../decisions/publishDecisions.js';
import { addDecision } from '../../minutes/addDecision.js';
import { readMinutes } from '../../minutes/readMinutes.js';
import { updateDecision } from '../../minutes/updateDecision.js';
import { findMainBoard } from '../../space/findMainBoard.js';
import { fakeCollective as collective } from '../../testing/fakeCollective.js';

describe('reconcileDecisions', () => {
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
});
