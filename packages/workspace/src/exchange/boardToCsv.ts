import Papa from 'papaparse';
import type { BoardView } from '../board/Board.js';
import type { Locale } from '../collective/Locale.js';
import { exportLabels } from './exportLabels.js';

/**
 * A board as CSV, one card per row, for a spreadsheet. Cells that a spreadsheet would run as
 * a formula (`=`, `+`, `-`, `@`…) are escaped (CSV injection); a BOM lets LibreOffice and
 * Excel detect UTF-8.
 */
export function boardToCsv(view: BoardView, locale: Locale, names: ReadonlyMap<string, string> = new Map()): string {
  const l = exportLabels(locale);
  const rows = view.columns.flatMap((c) =>
    c.cards.map((card) => [
      c.title,
      card.title,
      card.description,
      card.tags.join(', '),
      card.colour,
      card.due,
      card.assignees.map((a) => names.get(a) ?? a).join(', '),
      card.checklist.map((i) => `[${i.done ? 'x' : ' '}] ${i.text}`).join('\n'),
    ]),
  );
  const csv = Papa.unparse(
    { fields: [l.column, l.title, l.description, l.tags, l.colour, l.due, l.assignees, l.checklist], data: rows },
    { escapeFormulae: true, newline: '\r\n' },
  );
  return `\uFEFF${csv}\r\n`;
}
