import * as Y from 'yjs';
import { planMove } from '../ordering/planMove.js';
import { applyOrder } from './applyOrder.js';
import { BOARD_ROOTS } from './Board.js';
import { readBoard } from './readBoard.js';

/**
 * Moves a card to `index` in column `columnId` (same or another). Only the card's `columnId`
 * and `order` change (plus neighbours' keys when they were tied), in one transaction.
 */
export function moveCard(doc: Y.Doc, cardId: string, columnId: string, index: number): boolean {
  const cards = doc.getMap<unknown>(BOARD_ROOTS.cards);
  const card = cards.get(cardId);
  if (!(card instanceof Y.Map)) return false;
  const column = readBoard(doc).columns.find((c) => c.id === columnId);
  if (!column) return false;
  const updates = planMove(column.cards, cardId, index);
  doc.transact(() => {
    if (card.get('columnId') !== columnId) card.set('columnId', columnId);
    applyOrder(cards, updates);
  });
  return true;
}
