import * as Y from 'yjs';
import { MINUTES_ROOTS } from './Minutes.js';

/** The Y.Map of one agenda item, or null. */
export function agendaItemMap(doc: Y.Doc, itemId: string): Y.Map<unknown> | null {
  const m = doc.getMap<unknown>(MINUTES_ROOTS.agenda).get(itemId);
  return m instanceof Y.Map ? (m as Y.Map<unknown>) : null;
}
