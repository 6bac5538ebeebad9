import type * as Y from 'yjs';
import { BOARD_ROOTS } from './Board.js';

/** Deletes a card (undo in the board restores it through Y.UndoManager). */
export function removeCard(doc: Y.Doc, id: string): void {
  doc.getMap<unknown>(BOARD_ROOTS.cards).delete(id);
}
