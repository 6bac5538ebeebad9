/**
 * Schema of a minutes document (an assembly or atelier meeting). Root types:
 * - `meta` (Y.Map): title, date (`yyyy-mm-dd`), place, chair, noteTaker.
 * - `attendance` (Y.Map): person key (member id, or a random id for a guest) →
 *   `{ name, memberId, status: 'present' | 'excused' }`.
 * - `agenda` (Y.Map of Y.Map): item id → title, order, `discussion` (Y.Text, typed by several
 *   people at once), `decisions` (Y.Map of Y.Map: text, order, createdAt, `ateliers` as a
 *   Y.Map set of atelier space ids) and `actions` (Y.Map of plain `{ text, who, due, done, order }`).
 */
export const MINUTES_ROOTS = { meta: 'meta', attendance: 'attendance', agenda: 'agenda' } as const;

/** Header of the minutes. */
export interface MinutesMeta {
  title: string;
  date: string;
  place: string;
  chair: string;
  noteTaker: string;
}

/** Whether someone was there or sent apologies. */
export type AttendanceStatus = 'present' | 'excused';

/** One person in the attendance list. */
export interface AttendanceEntry {
  key: string;
  name: string;
  /** Hex member id when the person is a member of the space, else ''. */
  memberId: string;
  status: AttendanceStatus;
}

/** A decision taken on an agenda item. */
export interface DecisionView {
  id: string;
  text: string;
  order: string;
  createdAt: number;
  /** Atelier space ids the decision is addressed to. */
  ateliers: string[];
}

/** A follow-up action decided on an agenda item. */
export interface ActionView {
  id: string;
  text: string;
  who: string;
  due: string;
  done: boolean;
  order: string;
}

/** One agenda item with what was said, decided and assigned. */
export interface AgendaItemView {
  id: string;
  title: string;
  order: string;
  /** Plain text of the discussion (the editor binds to the Y.Text itself). */
  discussion: string;
  decisions: DecisionView[];
  actions: ActionView[];
}

/** The whole minutes as the screen shows them. */
export interface MinutesView {
  meta: MinutesMeta;
  attendance: AttendanceEntry[];
  agenda: AgendaItemView[];
}
