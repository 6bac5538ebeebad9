import * as Y from 'yjs';
import { compareOrdered } from '../ordering/compareOrdered.js';
import { asBoolean } from '../util/asBoolean.js';
import { asNumber } from '../util/asNumber.js';
import { asString } from '../util/asString.js';
import { mapKeys } from '../util/mapKeys.js';
import {
  MINUTES_ROOTS,
  type ActionView,
  type AgendaItemView,
  type AttendanceEntry,
  type DecisionView,
  type MinutesView,
} from './Minutes.js';

/** The minutes as plain objects, agenda items, decisions and actions in order. */
export function readMinutes(doc: Y.Doc): MinutesView {
  const meta = doc.getMap<unknown>(MINUTES_ROOTS.meta);
  const attendance: AttendanceEntry[] = [];
  doc.getMap<unknown>(MINUTES_ROOTS.attendance).forEach((v, key) => {
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    attendance.push({
      key,
      name: asString(o.name),
      memberId: asString(o.memberId),
      status: o.status === 'excused' ? 'excused' : 'present',
    });
  });
  attendance.sort((a, b) => a.name.localeCompare(b.name, 'fr') || (a.key < b.key ? -1 : 1));
  const agenda: AgendaItemView[] = [];
  doc.getMap<unknown>(MINUTES_ROOTS.agenda).forEach((v, id) => {
    if (!(v instanceof Y.Map)) return;
    const discussion = v.get('discussion');
    agenda.push({
      id,
      title: asString(v.get('title')),
      order: asString(v.get('order')),
      discussion: discussion instanceof Y.Text ? discussion.toString() : '',
      decisions: readDecisions(v.get('decisions')),
      actions: readActions(v.get('actions')),
    });
  });
  agenda.sort(compareOrdered);
  return {
    meta: {
      title: asString(meta.get('title')),
      date: asString(meta.get('date')),
      place: asString(meta.get('place')),
      chair: asString(meta.get('chair')),
      noteTaker: asString(meta.get('noteTaker')),
    },
    attendance,
    agenda,
  };
}

function readDecisions(v: unknown): DecisionView[] {
  const out: DecisionView[] = [];
  if (!(v instanceof Y.Map)) return out;
  v.forEach((d, id) => {
    if (!(d instanceof Y.Map)) return;
    out.push({
      id,
      text: asString(d.get('text')),
      order: asString(d.get('order')),
      createdAt: asNumber(d.get('createdAt')),
      ateliers: mapKeys(d.get('ateliers')),
    });
  });
  return out.sort(compareOrdered);
}

function readActions(v: unknown): ActionView[] {
  const out: ActionView[] = [];
  if (!(v instanceof Y.Map)) return out;
  v.forEach((a, id) => {
    if (typeof a !== 'object' || a === null) return;
    const o = a as Record<string, unknown>;
    out.push({
      id,
      text: asString(o.text),
      who: asString(o.who),
      due: asString(o.due),
      done: asBoolean(o.done),
      order: asString(o.order),
    });
  });
  return out.sort(compareOrdered);
}
