import type * as Y from 'yjs';
import { addCard } from '../board/addCard.js';
import { addChecklistItem } from '../board/addChecklistItem.js';
import { addColumn } from '../board/addColumn.js';
import { updateChecklistItem } from '../board/updateChecklistItem.js';
import type { BoardDraft } from './BoardDraft.js';

/** Writes an imported board into an empty board doc, in one transaction. */
export function writeBoardDraft(doc: Y.Doc, draft: BoardDraft, o: { by: string; now: number }): void {
  doc.transact(() => {
    for (const column of draft.columns) {
      const columnId = addColumn(doc, { title: column.title, kind: column.kind });
      for (const card of column.cards) {
        const cardId = addCard(doc, {
          columnId,
          by: o.by,
          now: o.now,
          title: card.title,
          description: card.description,
          colour: card.colour,
          due: card.due,
          tags: card.tags,
        });
        for (const item of card.checklist) {
          const itemId = addChecklistItem(doc, cardId, item.text);
          if (itemId && item.done) updateChecklistItem(doc, cardId, itemId, { done: true });
        }
      }
    }
  });
}
