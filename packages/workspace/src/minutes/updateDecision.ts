import * as Y from 'yjs';
import { setIfChanged } from '../util/setIfChanged.js';
import { syncSet } from '../util/syncSet.js';
import { agendaItemMap } from './agendaItemMap.js';

/** Rewords a decision, changes the ateliers it is addressed to, or (`remove`) deletes it. */
export function updateDecision(
  doc: Y.Doc,
  itemId: string,
  decisionId: string,
  patch: { text?: string; ateliers?: string[]; remove?: boolean },
): boolean {
  const decisions = agendaItemMap(doc, itemId)?.get('decisions');
  if (!(decisions instanceof Y.Map)) return false;
  const d = decisions.get(decisionId);
  if (!(d instanceof Y.Map)) return false;
  doc.transact(() => {
    if (patch.remove) {
      decisions.delete(decisionId);
      return;
    }
    if (patch.text !== undefined) setIfChanged(d, 'text', patch.text);
    if (patch.ateliers !== undefined) {
      let set = d.get('ateliers');
      if (!(set instanceof Y.Map)) {
        set = new Y.Map<unknown>();
        d.set('ateliers', set);
      }
      syncSet(set as Y.Map<unknown>, patch.ateliers);
    }
  });
  return true;
}
