import * as Y from 'yjs';
import { newId } from '../ids/newId.js';
import { planMove } from '../ordering/planMove.js';
import { applyOrder } from './applyOrder.js';
import { BOARD_ROOTS, type ColumnKind } from './Board.js';
import { readBoard } from './readBoard.js';

/** Adds a column at `index` (default: last) and returns its id. */
export function addColumn(doc: Y.Doc, o: { title: string; kind?: ColumnKind; index?: number; id?: string }): string {
  const id = o.id ?? newId();
  const existing = readBoard(doc).columns;
  const updates = planMove(existing, id, o.index ?? existing.length);
  const columns = doc.getMap<unknown>(BOARD_ROOTS.columns);
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('title', o.title);
    m.set('kind', o.kind ?? 'custom');
    columns.set(id, m);
    applyOrder(columns, updates);
  });
  return id;
}
