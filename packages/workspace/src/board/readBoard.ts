import * as Y from 'yjs';
import { compareOrdered } from '../ordering/compareOrdered.js';
import { asString } from '../util/asString.js';
import { BOARD_ROOTS, type BoardColumn, type BoardView, type ColumnKind } from './Board.js';
import { readCard } from './readCard.js';

const KINDS: readonly ColumnKind[] = ['decisions', 'todo', 'doing', 'done', 'custom'];

/**
 * The board as plain objects, columns and cards in order. A card whose column was removed
 * concurrently is shown in the first column rather than lost.
 */
export function readBoard(doc: Y.Doc): BoardView {
  const columns: BoardColumn[] = [];
  doc.getMap<unknown>(BOARD_ROOTS.columns).forEach((v, id) => {
    if (!(v instanceof Y.Map)) return;
    const kind = v.get('kind');
    columns.push({
      id,
      title: asString(v.get('title')),
      kind: KINDS.includes(kind as ColumnKind) ? (kind as ColumnKind) : 'custom',
      order: asString(v.get('order')),
      cards: [],
    });
  });
  columns.sort(compareOrdered);
  const byId = new Map(columns.map((c) => [c.id, c]));
  doc.getMap<unknown>(BOARD_ROOTS.cards).forEach((v, id) => {
    if (!(v instanceof Y.Map)) return;
    const card = readCard(id, v);
    const column = byId.get(card.columnId) ?? columns[0];
    column?.cards.push(card);
  });
  for (const c of columns) c.cards.sort(compareOrdered);
  return { columns };
}
