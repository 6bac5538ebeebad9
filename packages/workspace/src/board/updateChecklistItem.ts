import * as Y from 'yjs';
import { BOARD_ROOTS } from './Board.js';
import { readCard } from './readCard.js';

/** Ticks, unticks, renames (`text`) or, with `remove`, deletes a checklist line. */
export function updateChecklistItem(
  doc: Y.Doc,
  cardId: string,
  itemId: string,
  patch: { text?: string; done?: boolean; remove?: boolean },
): boolean {
  const card = doc.getMap<unknown>(BOARD_ROOTS.cards).get(cardId);
  if (!(card instanceof Y.Map)) return false;
  const list = card.get('checklist');
  if (!(list instanceof Y.Map)) return false;
  const item = readCard(cardId, card).checklist.find((i) => i.id === itemId);
  if (!item) return false;
  if (patch.remove) list.delete(itemId);
  else list.set(itemId, { text: patch.text ?? item.text, done: patch.done ?? item.done, order: item.order });
  return true;
}
