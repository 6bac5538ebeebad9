import * as Y from 'yjs';
import { newId } from '../ids/newId.js';
import { planMove } from '../ordering/planMove.js';
import { BOARD_ROOTS } from './Board.js';
import { readCard } from './readCard.js';

/** Appends a line to a card's checklist and returns its id. */
export function addChecklistItem(doc: Y.Doc, cardId: string, text: string): string | null {
  const card = doc.getMap<unknown>(BOARD_ROOTS.cards).get(cardId);
  if (!(card instanceof Y.Map)) return null;
  const id = newId();
  const existing = readCard(cardId, card).checklist;
  const updates = planMove(existing, id, existing.length);
  doc.transact(() => {
    let list = card.get('checklist');
    if (!(list instanceof Y.Map)) {
      list = new Y.Map<unknown>();
      card.set('checklist', list);
    }
    const l = list as Y.Map<unknown>;
    for (const u of updates) {
      if (u.id === id) l.set(id, { text, done: false, order: u.order });
      else {
        const prev = existing.find((e) => e.id === u.id);
        if (prev) l.set(u.id, { text: prev.text, done: prev.done, order: u.order });
      }
    }
  });
  return id;
}
