import type { Locale } from '../collective/Locale.js';
import type { PmNode } from '../document/PmNode.js';
import type { MinutesView } from '../minutes/Minutes.js';
import { exportLabels } from './exportLabels.js';

const text = (t: string, bold = false): PmNode =>
  bold ? { type: 'text', text: t, marks: [{ type: 'bold' }] } : { type: 'text', text: t };
const para = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content: content.filter((c) => c.text) });
const heading = (level: number, t: string): PmNode => ({
  type: 'heading',
  attrs: { level },
  content: t ? [text(t)] : [],
});
const bullets = (lines: string[]): PmNode => ({
  type: 'bulletList',
  content: lines.map((l) => ({ type: 'listItem', content: [para(text(l))] })),
});

/**
 * The minutes as a formatted compte rendu (a document: date, place, chair, who was present or
 * excused, the agenda, then each item's discussion, decisions and actions), to export with the
 * document converters (Markdown, .odt, HTML for printing).
 */
export function minutesDocument(view: MinutesView, locale: Locale, fallbackTitle: string): PmNode {
  const l = exportLabels(locale);
  const m = view.meta;
  const content: PmNode[] = [heading(1, m.title || fallbackTitle)];
  const field = (label: string, value: string): void => {
    if (value.trim()) content.push(para(text(`${label}${l.sep}`, true), text(value)));
  };
  field(l.date, longDate(m.date, locale));
  field(l.place, m.place);
  field(l.chair, m.chair);
  field(l.noteTaker, m.noteTaker);
  const present = view.attendance.filter((a) => a.status === 'present').map((a) => a.name);
  const excused = view.attendance.filter((a) => a.status === 'excused').map((a) => a.name);
  field(`${l.present} (${present.length})`, present.join(', ') || l.none);
  if (excused.length) field(l.excused, excused.join(', '));
  if (view.agenda.length) {
    content.push(heading(2, l.agenda));
    content.push({
      type: 'orderedList',
      attrs: { start: 1, type: null },
      content: view.agenda.map((a) => ({ type: 'listItem', content: [para(text(a.title))] })),
    });
  }
  view.agenda.forEach((item, i) => {
    content.push(heading(2, `${i + 1}. ${item.title}`));
    const paragraphs = item.discussion.split(/\n{2,}/).filter((s) => s.trim());
    for (const p of paragraphs) content.push(withBreaks(p));
    if (item.decisions.length) {
      content.push(heading(3, l.decisions));
      content.push(bullets(item.decisions.map((d) => d.text)));
    }
    if (item.actions.length) {
      content.push(heading(3, l.actions));
      content.push({
        type: 'taskList',
        content: item.actions.map((a) => {
          const who = a.who
            ? ` (${l.who}${l.sep}${a.who}${a.due ? `, ${l.by} ${longDate(a.due, locale)}` : ''})`
            : a.due
              ? ` (${l.by} ${longDate(a.due, locale)})`
              : '';
          return { type: 'taskItem', attrs: { checked: a.done }, content: [para(text(`${a.text}${who}`))] };
        }),
      });
    }
  });
  return { type: 'doc', content };
}

/** A discussion paragraph, its single line breaks kept. */
function withBreaks(p: string): PmNode {
  const content: PmNode[] = [];
  p.split('\n').forEach((line, i) => {
    if (i > 0) content.push({ type: 'hardBreak' });
    if (line) content.push(text(line));
  });
  return { type: 'paragraph', content };
}

/** `2026-12-03` → "3 décembre 2026" / "3 December 2026"; anything else as typed. */
function longDate(iso: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}
