import * as Y from 'yjs';
import { addCard } from '../board/addCard.js';
import { addColumn } from '../board/addColumn.js';
import { BOARD_ROOTS } from '../board/Board.js';
import { readBoard } from '../board/readBoard.js';
import { DECISIONS_COLUMN_ID, RECEIVED_DECISIONS } from './DECISION_BOARD.js';
import { decisionCardId } from './decisionCardId.js';
import type { PublishedDecision } from './PublishedDecision.js';

/**
 * Makes sure each decision addressed to this atelier has a card on its main board, in the
 * "Décisions de l'assemblée" column (created at the left if missing). A decision is delivered
 * once: if the atelier later deletes its card, it is not re-created. Card titles follow the
 * decision's wording until someone edits the card's title; a correction after delivery is
 * stamped on the card (`sourceModifiedAt`, MINUTES-5). When `complete` (the list is the
 * assembly's whole, synced list), a delivered decision missing from it was withdrawn: its card
 * is marked (`sourceWithdrawnAt`), never deleted; it is unmarked if the decision comes back.
 * Returns the ids of new cards.
 */
export function syncDecisionCards(
  board: Y.Doc,
  o: {
    assemblyId: string;
    decisions: readonly PublishedDecision[];
    columnTitle: string;
    by: string;
    now: number;
    describe: (d: PublishedDecision) => string;
    /** `decisions` is everything the assembly addresses to this atelier (its index is synced). */
    complete?: boolean;
  },
): string[] {
  const received = board.getMap<unknown>(RECEIVED_DECISIONS);
  const cards = board.getMap<unknown>(BOARD_ROOTS.cards);
  const created: string[] = [];
  const todo = o.decisions.filter((d) => !received.has(d.key));
  const cardOf = (key: string): Y.Map<unknown> | null => {
    const card = cards.get(decisionCardId(key));
    return card instanceof Y.Map ? card : null;
  };
  const corrected = o.decisions.filter((d) => {
    const card = cardOf(d.key);
    return card !== null && card.get('sourceText') !== d.text;
  });
  const wanted = new Set(o.decisions.map((d) => d.key));
  const withdrawn = o.complete
    ? [...received.keys()].filter((k) => !wanted.has(k) && !cardOf(k)?.get('sourceWithdrawnAt'))
    : [];
  const restored = o.decisions.filter((d) => cardOf(d.key)?.get('sourceWithdrawnAt'));
  if (todo.length === 0 && corrected.length === 0 && withdrawn.length === 0 && restored.length === 0) return created;
  board.transact(() => {
    for (const d of corrected) {
      const card = cardOf(d.key)!;
      if (card.get('title') === card.get('sourceText')) card.set('title', d.text);
      card.set('sourceText', d.text);
      card.set('sourceModifiedAt', o.now);
    }
    for (const key of withdrawn) cardOf(key)?.set('sourceWithdrawnAt', o.now);
    for (const d of restored) cardOf(d.key)!.delete('sourceWithdrawnAt');
    if (todo.length === 0) return;
    let column = readBoard(board).columns.find((c) => c.kind === 'decisions');
    if (!column) {
      addColumn(board, { id: DECISIONS_COLUMN_ID, title: o.columnTitle, kind: 'decisions', index: 0 });
      column = readBoard(board).columns.find((c) => c.kind === 'decisions')!;
    }
    for (const d of todo) {
      const id = decisionCardId(d.key);
      if (!cards.has(id)) {
        addCard(board, {
          id,
          columnId: column.id,
          title: d.text,
          description: o.describe(d),
          by: o.by,
          now: o.now,
          source: {
            kind: 'decision',
            key: d.key,
            assemblyId: o.assemblyId,
            minutesId: d.minutesId,
            decisionId: d.decisionId,
          },
        });
        (cards.get(id) as Y.Map<unknown>).set('sourceText', d.text);
        created.push(id);
      }
      received.set(d.key, id);
    }
  });
  return created;
}
