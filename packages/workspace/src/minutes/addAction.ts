import * as Y from 'yjs';
import { newId } from '../ids/newId.js';
import { planMove } from '../ordering/planMove.js';
import { agendaItemMap } from './agendaItemMap.js';
import { readMinutes } from './readMinutes.js';

/** Records a follow-up action (who does what by when) on an agenda item; returns its id. */
export function addAction(doc: Y.Doc, itemId: string, o: { text: string; who?: string; due?: string }): string | null {
  const item = agendaItemMap(doc, itemId);
  if (!item) return null;
  const id = newId();
  const existing = readMinutes(doc).agenda.find((a) => a.id === itemId)?.actions ?? [];
  const updates = planMove(existing, id, existing.length);
  doc.transact(() => {
    let actions = item.get('actions');
    if (!(actions instanceof Y.Map)) {
      actions = new Y.Map<unknown>();
      item.set('actions', actions);
    }
    const map = actions as Y.Map<unknown>;
    for (const u of updates) {
      if (u.id === id) map.set(id, { text: o.text, who: o.who ?? '', due: o.due ?? '', done: false, order: u.order });
      else {
        const prev = existing.find((e) => e.id === u.id);
        if (prev) map.set(u.id, { text: prev.text, who: prev.who, due: prev.due, done: prev.done, order: u.order });
      }
    }
  });
  return id;
}
