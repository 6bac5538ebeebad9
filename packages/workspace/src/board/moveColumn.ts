import type * as Y from 'yjs';
import { planMove } from '../ordering/planMove.js';
import { applyOrder } from './applyOrder.js';
import { BOARD_ROOTS } from './Board.js';
import { readBoard } from './readBoard.js';

/** Moves a column to `index` among the others. */
export function moveColumn(doc: Y.Doc, id: string, index: number): void {
  const updates = planMove(readBoard(doc).columns, id, index);
  doc.transact(() => applyOrder(doc.getMap<unknown>(BOARD_ROOTS.columns), updates));
}
