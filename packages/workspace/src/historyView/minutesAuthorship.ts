import * as Y from 'yjs';
import type { Locale } from '../collective/Locale.js';
import { MINUTES_ROOTS } from '../minutes/Minutes.js';
import { compareOrdered } from '../ordering/compareOrdered.js';
import type { AuthoredBlock, AuthoredSpan } from './AuthoredBlock.js';
import { MINUTES_LABELS } from './MINUTES_LABELS.js';
import { mapValueSpan } from './mapValueSpan.js';
import { splitLines } from './splitLines.js';
import { textSpans } from './textSpans.js';

const field = (v: unknown, name: string): string => {
  const x = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[name] : undefined;
  return typeof x === 'string' ? x : '';
};

/**
 * HISTORY-2: minutes laid out as their compte rendu (title, date, place, chair, note taker,
 * who was present, then each agenda item with its discussion, decisions and actions), each run
 * with the person who wrote it (`authors`: the claims that count, from `readClientAuthors`,
 * R115/R116): a field is its last writer's, a discussion is read run by run. Labels in `locale`.
 */
export function minutesAuthorship(doc: Y.Doc, locale: Locale, authors: ReadonlyMap<number, string>): AuthoredBlock[] {
  const l = MINUTES_LABELS[locale] ?? MINUTES_LABELS.fr;
  const label = (t: string): AuthoredSpan => ({ text: `${t}${l.sep}`, author: null, marks: ['bold', 'label'] });
  const glue = (t: string): AuthoredSpan => ({ text: t, author: null, marks: ['label'] });
  const out: AuthoredBlock[] = [];
  const meta = doc.getMap<unknown>(MINUTES_ROOTS.meta);
  const title = mapValueSpan(meta, 'title', authors);
  if (title) out.push({ kind: 'heading', level: 1, spans: [title] });
  for (const [name, key] of [
    [l.date, 'date'],
    [l.place, 'place'],
    [l.chair, 'chair'],
    [l.noteTaker, 'noteTaker'],
  ] as const) {
    const v = mapValueSpan(meta, key, authors);
    if (v) out.push({ kind: 'paragraph', level: 0, spans: [label(name), v] });
  }
  const attendance = doc.getMap<unknown>(MINUTES_ROOTS.attendance);
  for (const status of ['present', 'excused'] as const) {
    const names = [...attendance.keys()]
      .filter((k) => (field(attendance.get(k), 'status') === 'excused' ? 'excused' : 'present') === status)
      .map((k) => mapValueSpan(attendance, k, authors, (v) => field(v, 'name')))
      .filter((s): s is AuthoredSpan => s !== null)
      .sort((a, b) => a.text.localeCompare(b.text, 'fr'));
    if (names.length === 0) continue;
    const spans: AuthoredSpan[] = [label(status === 'present' ? `${l.present} (${names.length})` : l.excused)];
    names.forEach((s, i) => {
      if (i > 0) spans.push(glue(', '));
      spans.push(s);
    });
    out.push({ kind: 'paragraph', level: 0, spans });
  }
  const agenda: Array<{ id: string; order: string; map: Y.Map<unknown> }> = [];
  doc.getMap<unknown>(MINUTES_ROOTS.agenda).forEach((v, id) => {
    if (v instanceof Y.Map) agenda.push({ id, order: String(v.get('order') ?? ''), map: v as Y.Map<unknown> });
  });
  agenda.sort(compareOrdered);
  agenda.forEach(({ map }, i) => {
    const t = mapValueSpan(map, 'title', authors);
    out.push({ kind: 'heading', level: 2, spans: [glue(`${i + 1}. `), ...(t ? [t] : [])] });
    const discussion = map.get('discussion');
    if (discussion instanceof Y.Text) {
      for (const line of splitLines(textSpans(discussion, authors))) {
        if (line.some((s) => s.text.trim())) out.push({ kind: 'paragraph', level: 0, spans: line });
      }
    }
    const decisions = ordered(map.get('decisions'));
    if (decisions.length) {
      out.push({ kind: 'heading', level: 3, spans: [glue(l.decisions)] });
      for (const d of decisions) {
        const s = d.value instanceof Y.Map ? mapValueSpan(d.value as Y.Map<unknown>, 'text', authors) : null;
        out.push({ kind: 'bullet', level: 1, spans: s ? [s] : [] });
      }
    }
    const actions = ordered(map.get('actions'));
    if (actions.length) {
      out.push({ kind: 'heading', level: 3, spans: [glue(l.actions)] });
      const parent = map.get('actions') as Y.Map<unknown>;
      for (const a of actions) {
        const s = mapValueSpan(parent, a.id, authors, (v) => field(v, 'text'));
        const who = field(a.value, 'who');
        const spans: AuthoredSpan[] = s ? [s] : [];
        if (who && s) spans.push({ text: ` (${l.who}${l.sep}${who})`, author: s.author, marks: [] });
        out.push({ kind: 'task', level: 1, checked: done(a.value), spans });
      }
    }
  });
  return out;
}

function done(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as Record<string, unknown>).done === true;
}

/** The entries of a Y.Map of ordered things (decisions, actions), in their order. */
function ordered(v: unknown): Array<{ id: string; order: string; value: unknown }> {
  if (!(v instanceof Y.Map)) return [];
  const out: Array<{ id: string; order: string; value: unknown }> = [];
  (v as Y.Map<unknown>).forEach((value, id) => {
    const order = value instanceof Y.Map ? value.get('order') : field(value, 'order');
    out.push({ id, order: typeof order === 'string' ? order : '', value });
  });
  return out.sort(compareOrdered);
}
