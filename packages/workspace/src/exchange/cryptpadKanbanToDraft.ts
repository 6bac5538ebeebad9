import type { BoardDraft } from './BoardDraft.js';
import { boardText } from './boardText.js';
import { ExchangeError } from './ExchangeError.js';
import { IMPORT_LIMITS } from './IMPORT_LIMITS.js';
import { importColour } from './importColour.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether parsed JSON looks like CryptPad's kanban content (`data`, `items`, `list`). */
export function isCryptpadKanban(v: unknown): v is Json {
  return isObject(v) && isObject(v.data) && Array.isArray(v.list);
}

/**
 * CryptPad's kanban export (the pad's content as JSON: `list` gives the column order, `data`
 * the columns with their `item` ids, `items` the cards with `title`, `body`, `color`, `tags`)
 * as a board draft. Older exports held the cards inside `data[…].item` themselves: both are
 * read. A card without a colour takes its column's, as CryptPad shows it.
 */
export function cryptpadKanbanToDraft(content: unknown, title: string): BoardDraft {
  if (!isCryptpadKanban(content)) throw new ExchangeError('IMPORT_INVALID', 'not a CryptPad kanban');
  const data = content.data as Json;
  const items = isObject(content.items) ? content.items : {};
  const list = content.list as unknown[];
  if (list.length > IMPORT_LIMITS.columns) throw new ExchangeError('IMPORT_TOO_LARGE', 'too many columns');
  let cardCount = 0;
  const columns: BoardDraft['columns'] = [];
  for (const columnId of list) {
    const column = data[String(columnId)];
    if (!isObject(column)) continue;
    const columnColour = importColour(column.color);
    const cards: BoardDraft['columns'][number]['cards'] = [];
    for (const ref of Array.isArray(column.item) ? column.item : []) {
      const item = isObject(ref) ? ref : items[String(ref)];
      if (!isObject(item)) continue;
      if (++cardCount > IMPORT_LIMITS.cards) throw new ExchangeError('IMPORT_TOO_LARGE', 'too many cards');
      const tags = Array.isArray(item.tags) ? item.tags.map((t) => boardText(t, 40).trim()).filter(Boolean) : [];
      cards.push({
        title: boardText(item.title),
        description: boardText(item.body, IMPORT_LIMITS.descriptionChars),
        colour: importColour(item.color) || columnColour,
        due: '',
        tags: [...new Set(tags)].slice(0, IMPORT_LIMITS.tagsPerCard),
        checklist: [],
      });
    }
    columns.push({ title: boardText(column.title), kind: 'custom', cards });
  }
  return { title, columns };
}
