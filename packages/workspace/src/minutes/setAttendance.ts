import type * as Y from 'yjs';
import { setIfChanged } from '../util/setIfChanged.js';
import { MINUTES_ROOTS, type AttendanceStatus } from './Minutes.js';

/** Marks someone present or excused, or (status null) takes them off the list. */
export function setAttendance(
  doc: Y.Doc,
  person: { key: string; name: string; memberId?: string },
  status: AttendanceStatus | null,
): void {
  const map = doc.getMap<unknown>(MINUTES_ROOTS.attendance);
  if (status === null) map.delete(person.key);
  else setIfChanged(map, person.key, { name: person.name.trim(), memberId: person.memberId ?? '', status });
}
