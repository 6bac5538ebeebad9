import * as Y from 'yjs';
import { newId } from '../ids/newId.js';
import { planMove } from '../ordering/planMove.js';
import { applyOrder } from './applyOrder.js';
import { BOARD_ROOTS, type CardSource } from './Board.js';
import type { CardFields } from './CardFields.js';
import { readBoard } from './readBoard.js';
import { updateCard } from './updateCard.js';

/**
 * Adds a card to a column, at `index` (default: the bottom), and returns its id. `id` may be
 * given when it must be deterministic (decision cards), so concurrent creators converge.
 */
export function addCard(
  doc: Y.Doc,
  o: CardFields & {
    columnId: string;
    by: string;
    now: number;
    index?: number;
    id?: string;
    source?: CardSource;
  },
): string {
  const id = o.id ?? newId();
  const column = readBoard(doc).columns.find((c) => c.id === o.columnId);
  const siblings = column?.cards ?? [];
  const updates = planMove(siblings, id, o.index ?? siblings.length);
  const cards = doc.getMap<unknown>(BOARD_ROOTS.cards);
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('columnId', o.columnId);
    m.set('title', o.title ?? '');
    m.set('description', o.description ?? '');
    m.set('colour', o.colour ?? '');
    m.set('due', o.due ?? '');
    m.set('createdAt', o.now);
    m.set('createdBy', o.by);
    m.set('tags', new Y.Map<unknown>());
    m.set('assignees', new Y.Map<unknown>());
    m.set('checklist', new Y.Map<unknown>());
    if (o.source) m.set('source', o.source);
    cards.set(id, m);
    applyOrder(cards, updates);
    updateCard(doc, id, { tags: o.tags ?? [], assignees: o.assignees ?? [] });
  });
  return id;
}
