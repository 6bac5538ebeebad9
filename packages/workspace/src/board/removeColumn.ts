import type * as Y from 'yjs';
import { BOARD_ROOTS } from './Board.js';
import { readBoard } from './readBoard.js';

/**
 * Removes an empty column. Refuses (returns false) when it still holds cards or is the last
 * column: deleting work by accident must not be one click away; and for the column that
 * receives the assembly's decisions (MINUTES-5), which the next decision would re-create.
 */
export function removeColumn(doc: Y.Doc, id: string): boolean {
  const board = readBoard(doc);
  const col = board.columns.find((c) => c.id === id);
  if (!col || col.kind === 'decisions' || col.cards.length > 0 || board.columns.length <= 1) return false;
  doc.getMap<unknown>(BOARD_ROOTS.columns).delete(id);
  return true;
}
