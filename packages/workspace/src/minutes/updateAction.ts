import * as Y from 'yjs';
import { agendaItemMap } from './agendaItemMap.js';
import { readMinutes } from './readMinutes.js';

/** Changes an action's text, owner, due date or done state, or (`remove`) deletes it. */
export function updateAction(
  doc: Y.Doc,
  itemId: string,
  actionId: string,
  patch: { text?: string; who?: string; due?: string; done?: boolean; remove?: boolean },
): boolean {
  const actions = agendaItemMap(doc, itemId)?.get('actions');
  if (!(actions instanceof Y.Map)) return false;
  const current = readMinutes(doc)
    .agenda.find((a) => a.id === itemId)
    ?.actions.find((a) => a.id === actionId);
  if (!current) return false;
  if (patch.remove) {
    actions.delete(actionId);
    return true;
  }
  actions.set(actionId, {
    text: patch.text ?? current.text,
    who: patch.who ?? current.who,
    due: patch.due ?? current.due,
    done: patch.done ?? current.done,
    order: current.order,
  });
  return true;
}
