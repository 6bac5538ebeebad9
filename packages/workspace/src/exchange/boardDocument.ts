import type { BoardView } from '../board/Board.js';
import type { Locale } from '../collective/Locale.js';
import type { PmNode } from '../document/PmNode.js';
import { exportLabels } from './exportLabels.js';

const text = (t: string, bold = false): PmNode =>
  bold ? { type: 'text', text: t, marks: [{ type: 'bold' }] } : { type: 'text', text: t };
const para = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content: content.filter((c) => c.text) });

/**
 * A board laid out as a document (title, a heading per column, a list of cards with their
 * details and checklists), to export as Markdown with the document serializer.
 */
export function boardDocument(
  view: BoardView,
  title: string,
  locale: Locale,
  names: ReadonlyMap<string, string> = new Map(),
): PmNode {
  const l = exportLabels(locale);
  const content: PmNode[] = [{ type: 'heading', attrs: { level: 1 }, content: [text(title)] }];
  for (const column of view.columns) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [text(column.title)] });
    if (column.cards.length === 0) continue;
    content.push({
      type: 'bulletList',
      content: column.cards.map((card) => {
        const details = [
          card.tags.length ? `${l.tags}${l.sep}${card.tags.join(', ')}` : '',
          card.due ? `${l.due}${l.sep}${card.due}` : '',
          card.assignees.length
            ? `${l.assignees}${l.sep}${card.assignees.map((a) => names.get(a) ?? a).join(', ')}`
            : '',
        ].filter(Boolean);
        const item: PmNode[] = [para(text(card.title, true))];
        if (details.length) item.push(para(text(details.join(' · '))));
        for (const line of card.description.split(/\n{2,}/).filter((s) => s.trim())) item.push(para(text(line)));
        if (card.checklist.length)
          item.push({
            type: 'taskList',
            content: card.checklist.map((i) => ({
              type: 'taskItem',
              attrs: { checked: i.done },
              content: [para(text(i.text))],
            })),
          });
        return { type: 'listItem', content: item };
      }),
    });
  }
  return { type: 'doc', content };
}
