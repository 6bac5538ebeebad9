import * as Y from 'yjs';
import { applyOrder } from '../board/applyOrder.js';
import { newId } from '../ids/newId.js';
import { planMove } from '../ordering/planMove.js';
import { MINUTES_ROOTS } from './Minutes.js';
import { readMinutes } from './readMinutes.js';

/** Adds an agenda item at `index` (default: last) and returns its id. */
export function addAgendaItem(doc: Y.Doc, title: string, index?: number): string {
  const id = newId();
  const existing = readMinutes(doc).agenda;
  const updates = planMove(existing, id, index ?? existing.length);
  const agenda = doc.getMap<unknown>(MINUTES_ROOTS.agenda);
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('title', title);
    m.set('discussion', new Y.Text());
    m.set('decisions', new Y.Map<unknown>());
    m.set('actions', new Y.Map<unknown>());
    agenda.set(id, m);
    applyOrder(agenda, updates);
  });
  return id;
}
