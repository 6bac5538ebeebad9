import * as Y from 'yjs';
import { newId } from '../ids/newId.js';
import { planMove } from '../ordering/planMove.js';
import { agendaItemMap } from './agendaItemMap.js';
import { readMinutes } from './readMinutes.js';

/** Records a decision on an agenda item, addressed to zero or more ateliers; returns its id. */
export function addDecision(
  doc: Y.Doc,
  itemId: string,
  o: { text: string; ateliers?: string[]; now: number },
): string | null {
  const item = agendaItemMap(doc, itemId);
  if (!item) return null;
  const id = newId();
  const existing = readMinutes(doc).agenda.find((a) => a.id === itemId)?.decisions ?? [];
  const updates = planMove(existing, id, existing.length);
  doc.transact(() => {
    let decisions = item.get('decisions');
    if (!(decisions instanceof Y.Map)) {
      decisions = new Y.Map<unknown>();
      item.set('decisions', decisions);
    }
    const d = new Y.Map<unknown>();
    d.set('text', o.text);
    d.set('createdAt', o.now);
    const ateliers = new Y.Map<unknown>();
    for (const a of o.ateliers ?? []) ateliers.set(a, true);
    d.set('ateliers', ateliers);
    (decisions as Y.Map<unknown>).set(id, d);
    for (const u of updates) {
      const target = (decisions as Y.Map<unknown>).get(u.id);
      if (target instanceof Y.Map) target.set('order', u.order);
    }
  });
  return id;
}
