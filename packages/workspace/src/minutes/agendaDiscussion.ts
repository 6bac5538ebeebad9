import * as Y from 'yjs';
import { agendaItemMap } from './agendaItemMap.js';

/** The shared text of an agenda item's discussion, for the collaborative text field. */
export function agendaDiscussion(doc: Y.Doc, itemId: string): Y.Text | null {
  const t = agendaItemMap(doc, itemId)?.get('discussion');
  return t instanceof Y.Text ? t : null;
}
