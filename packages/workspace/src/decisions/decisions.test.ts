import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveCard } from '../board/moveCard.js';
import { readBoard } from '../board/readBoard.js';
import { removeCard } from '../board/removeCard.js';
import { updateCard } from '../board/updateCard.js';
import { removeColumn } from '../board/removeColumn.js';
import { updateColumn } from '../board/updateColumn.js';
import { addAgendaItem } from '../minutes/addAgendaItem.js';
import { addDecision } from '../minutes/addDecision.js';
import { initMinutes } from '../minutes/initMinutes.js';
import { updateDecision } from '../minutes/updateDecision.js';
import { applyTemplate } from '../templates/applyTemplate.js';
import { syncDocs } from '../testing/syncDocs.js';
import { decisionKey } from './decisionKey.js';
import type { PublishedDecision } from './PublishedDecision.js';
import { publishDecisions } from './publishDecisions.js';
import { readDecisionCardStates } from './readDecisionCardStates.js';
import { readDecisionStatuses } from './readDecisionStatuses.js';
import { readPublishedDecisions } from './readPublishedDecisions.js';
import { reportDecisionStates } from './reportDecisionStates.js';
import { syncDecisionCards } from './syncDecisionCards.js';

const now = 1_700_000_000_000;
const JURIDIQUE = 'aa'.repeat(16);
const SECURITE = 'bb'.repeat(16);
const ASSEMBLY = 'cc'.repeat(16);
const MINUTES = 'dd'.repeat(16);
const describeDecision = (d: PublishedDecision): string => `${d.minutesTitle} (${d.date}) — ${d.agendaTitle}`;

function assemblyWithDecision(): { index: Y.Doc; minutes: Y.Doc; itemId: string; decisionId: string } {
  const index = new Y.Doc();
  const minutes = new Y.Doc();
  initMinutes(minutes, { title: 'AG de mars', date: '2025-03-08' });
  const itemId = addAgendaItem(minutes, 'Manifestation du 22');
  const decisionId = addDecision(minutes, itemId, {
    text: 'Préparer une permanence juridique',
    ateliers: [JURIDIQUE, SECURITE],
    now,
  })!;
  addDecision(minutes, itemId, { text: 'Sans atelier : ne part pas', now });
  publishDecisions(index, minutes, MINUTES);
  return { index, minutes, itemId, decisionId };
}

function atelierBoard(): Y.Doc {
  const board = new Y.Doc();
  applyTemplate(board, 'board.atelier', { locale: 'fr', now, today: '2025-03-08' });
  return board;
}

function deliver(
  board: Y.Doc,
  index: Y.Doc,
  atelier = JURIDIQUE,
  o: { complete?: boolean; at?: number } = {},
): string[] {
  return syncDecisionCards(board, {
    assemblyId: ASSEMBLY,
    decisions: readPublishedDecisions(index, atelier),
    columnTitle: "Décisions de l'assemblée",
    by: 'me',
    now: o.at ?? now,
    describe: describeDecision,
    complete: o.complete ?? true,
  });
}

describe('assembly decisions → atelier boards', () => {
  it('publishes only decisions addressed to ateliers, and lists them per atelier', () => {
    const { index, decisionId } = assemblyWithDecision();
    const all = readPublishedDecisions(index);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      key: decisionKey(MINUTES, decisionId),
      text: 'Préparer une permanence juridique',
      minutesTitle: 'AG de mars',
      date: '2025-03-08',
      agendaTitle: 'Manifestation du 22',
    });
    expect(readPublishedDecisions(index, SECURITE)).toHaveLength(1);
    expect(readPublishedDecisions(index, 'ee'.repeat(16))).toHaveLength(0);
  });

  it('withdraws a decision no longer addressed to an atelier, and does not rewrite unchanged ones', () => {
    const { index, minutes, itemId, decisionId } = assemblyWithDecision();
    let writes = 0;
    index.on('update', () => writes++);
    publishDecisions(index, minutes, MINUTES);
    expect(writes).toBe(0);
    updateDecision(minutes, itemId, decisionId, { ateliers: [] });
    publishDecisions(index, minutes, MINUTES);
    expect(readPublishedDecisions(index)).toHaveLength(0);
  });

  it('turns a decision into one card in the decisions column, linking back to the minutes', () => {
    const { index, decisionId } = assemblyWithDecision();
    const board = atelierBoard();
    const created = deliver(board, index);
    expect(created).toHaveLength(1);
    const column = readBoard(board).columns[0]!;
    expect(column.kind).toBe('decisions');
    expect(column.title).toBe("Décisions de l'assemblée");
    const card = column.cards[0]!;
    expect(card.title).toBe('Préparer une permanence juridique');
    expect(card.description).toBe('AG de mars (2025-03-08) — Manifestation du 22');
    expect(card.source).toEqual({
      kind: 'decision',
      key: decisionKey(MINUTES, decisionId),
      assemblyId: ASSEMBLY,
      minutesId: MINUTES,
      decisionId,
      modifiedAt: 0,
      withdrawnAt: 0,
    });
    expect(deliver(board, index)).toEqual([]);
  });

  it('creates the decisions column when the board has none', () => {
    const { index } = assemblyWithDecision();
    const board = new Y.Doc();
    applyTemplate(board, 'board.simple', { locale: 'fr', now, today: '' });
    deliver(board, index);
    const cols = readBoard(board).columns;
    expect(cols[0]!.kind).toBe('decisions');
    expect(cols).toHaveLength(4);
  });

  it('converges to one card when two atelier members deliver at the same time', () => {
    const { index } = assemblyWithDecision();
    const alice = atelierBoard();
    const bob = new Y.Doc();
    syncDocs(alice, bob);
    deliver(alice, index);
    deliver(bob, index);
    syncDocs(alice, bob);
    const cards = readBoard(alice).columns.flatMap((c) => c.cards);
    expect(cards).toHaveLength(1);
    expect(readBoard(bob).columns.flatMap((c) => c.cards)).toHaveLength(1);
  });

  it('does not re-deliver a decision whose card the atelier deleted', () => {
    const { index } = assemblyWithDecision();
    const board = atelierBoard();
    const [id] = deliver(board, index);
    removeCard(board, id!);
    expect(deliver(board, index)).toEqual([]);
    expect(readBoard(board).columns.flatMap((c) => c.cards)).toHaveLength(0);
    expect(readDecisionCardStates(board)[0]!.state).toBe('removed');
  });

  it('follows a rewording of the decision until the atelier edits the card title', () => {
    const { index, minutes, itemId, decisionId } = assemblyWithDecision();
    const board = atelierBoard();
    const [id] = deliver(board, index);
    updateDecision(minutes, itemId, decisionId, { text: 'Permanence juridique le 22' });
    publishDecisions(index, minutes, MINUTES);
    deliver(board, index);
    expect(readBoard(board).columns[0]!.cards[0]!.title).toBe('Permanence juridique le 22');
    updateCard(board, id!, { title: 'Permanence : trouver 3 avocats' });
    updateDecision(minutes, itemId, decisionId, { text: 'Autre formulation' });
    publishDecisions(index, minutes, MINUTES);
    deliver(board, index);
    expect(readBoard(board).columns[0]!.cards[0]!.title).toBe('Permanence : trouver 3 avocats');
  });

  it("reports each atelier's progress back to the minutes", () => {
    const { index, decisionId } = assemblyWithDecision();
    const juridique = atelierBoard();
    const securite = atelierBoard();
    const [cardJ] = deliver(juridique, index, JURIDIQUE);
    deliver(securite, index, SECURITE);
    const done = readBoard(juridique).columns.find((c) => c.kind === 'done')!;
    moveCard(juridique, cardJ!, done.id, 0);
    expect(reportDecisionStates(index, JURIDIQUE, readDecisionCardStates(juridique), now)).toBe(1);
    expect(reportDecisionStates(index, SECURITE, readDecisionCardStates(securite), now)).toBe(1);
    // nothing changed: nothing written
    expect(reportDecisionStates(index, JURIDIQUE, readDecisionCardStates(juridique), now + 1)).toBe(0);
    const statuses = readDecisionStatuses(index, MINUTES).get(decisionKey(MINUTES, decisionId))!;
    const byAtelier = Object.fromEntries(statuses.map((s) => [s.atelierId, [s.state, s.columnTitle]]));
    expect(byAtelier).toEqual({
      [JURIDIQUE]: ['done', 'Fait'],
      [SECURITE]: ['received', "Décisions de l'assemblée"],
    });
  });
});

describe('decisions that change after delivery (MINUTES-5)', () => {
  const later = now + 3_600_000;

  it('MINUTES-5: a correction reaches the card, which says it was modified and when', () => {
    const { index, minutes, itemId, decisionId } = assemblyWithDecision();
    const board = atelierBoard();
    deliver(board, index);
    updateDecision(minutes, itemId, decisionId, { text: 'Préparer une permanence juridique (départ 14h)' });
    publishDecisions(index, minutes, MINUTES);
    deliver(board, index, JURIDIQUE, { at: later });
    const card = readBoard(board)
      .columns.flatMap((c) => c.cards)
      .find((c) => c.source)!;
    expect(card.title).toBe('Préparer une permanence juridique (départ 14h)');
    expect(card.source!.modifiedAt).toBe(later);
    expect(card.source!.withdrawnAt).toBe(0);
  });

  it('MINUTES-5: a withdrawn decision is marked withdrawn on the card, not deleted; it comes back if restored', () => {
    const { index, minutes, itemId, decisionId } = assemblyWithDecision();
    const board = atelierBoard();
    deliver(board, index);
    updateDecision(minutes, itemId, decisionId, { ateliers: [SECURITE] });
    publishDecisions(index, minutes, MINUTES);
    // A partial (cached) list never withdraws anything.
    deliver(board, new Y.Doc(), JURIDIQUE, { complete: false, at: later });
    const cardOf = () =>
      readBoard(board)
        .columns.flatMap((c) => c.cards)
        .find((c) => c.source)!;
    expect(cardOf().source!.withdrawnAt).toBe(0);
    deliver(board, index, JURIDIQUE, { at: later });
    expect(cardOf().source!.withdrawnAt).toBe(later);
    expect(cardOf().title).toBe('Préparer une permanence juridique');
    updateDecision(minutes, itemId, decisionId, { ateliers: [SECURITE, JURIDIQUE] });
    publishDecisions(index, minutes, MINUTES);
    deliver(board, index, JURIDIQUE, { at: later + 1 });
    expect(cardOf().source!.withdrawnAt).toBe(0);
    expect(
      readBoard(board)
        .columns.flatMap((c) => c.cards)
        .filter((c) => c.source),
    ).toHaveLength(1);
  });

  it('MINUTES-5: the decisions column can be neither renamed nor deleted', () => {
    const { index } = assemblyWithDecision();
    const board = atelierBoard();
    deliver(board, index);
    const column = readBoard(board).columns.find((c) => c.kind === 'decisions')!;
    for (const card of column.cards) removeCard(board, card.id);
    expect(updateColumn(board, column.id, { title: 'Autre chose' })).toBe(false);
    expect(removeColumn(board, column.id)).toBe(false);
    const todo = readBoard(board).columns.find((c) => c.kind !== 'decisions')!;
    expect(updateColumn(board, todo.id, { kind: 'decisions' })).toBe(false);
    expect(readBoard(board).columns.find((c) => c.id === column.id)?.title).toBe("Décisions de l'assemblée");
  });
});
