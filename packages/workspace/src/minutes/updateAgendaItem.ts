import type * as Y from 'yjs';
import { applyOrder } from '../board/applyOrder.js';
import { planMove } from '../ordering/planMove.js';
import { setIfChanged } from '../util/setIfChanged.js';
import { agendaItemMap } from './agendaItemMap.js';
import { MINUTES_ROOTS } from './Minutes.js';
import { readMinutes } from './readMinutes.js';

/** Renames, moves (`index`) or, with `remove`, deletes an agenda item. */
export function updateAgendaItem(
  doc: Y.Doc,
  itemId: string,
  patch: { title?: string; index?: number; remove?: boolean },
): boolean {
  const m = agendaItemMap(doc, itemId);
  if (!m) return false;
  const agenda = doc.getMap<unknown>(MINUTES_ROOTS.agenda);
  doc.transact(() => {
    if (patch.remove) {
      agenda.delete(itemId);
      return;
    }
    if (patch.title !== undefined) setIfChanged(m, 'title', patch.title);
    if (patch.index !== undefined) applyOrder(agenda, planMove(readMinutes(doc).agenda, itemId, patch.index));
  });
  return true;
}
