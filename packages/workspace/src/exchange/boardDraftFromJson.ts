import { isDueDate } from './isDueDate.js';
import { BOARD_JSON_FORMAT } from './boardToJson.js';
import type { BoardDraft } from './BoardDraft.js';
import { boardText } from './boardText.js';
import { cryptpadKanbanToDraft, isCryptpadKanban } from './cryptpadKanbanToDraft.js';
import { ExchangeError } from './ExchangeError.js';
import { IMPORT_LIMITS } from './IMPORT_LIMITS.js';
import { importColour } from './importColour.js';
import type { ColumnKind } from '../board/Board.js';

const KINDS: readonly ColumnKind[] = ['todo', 'doing', 'done', 'custom'];
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * A board draft from a JSON file: Trame's own board export ({@link boardToJson}) or a CryptPad
 * kanban export. `fallbackTitle` (the file name) is used when the file carries none. A
 * `decisions` column is imported as a plain one: decision cards belong to the assembly.
 */
export function boardDraftFromJson(text: string, fallbackTitle: string): BoardDraft {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ExchangeError('IMPORT_INVALID', 'not JSON', { cause: e });
  }
  if (isCryptpadKanban(parsed)) return cryptpadKanbanToDraft(parsed, fallbackTitle);
  if (!isObject(parsed) || parsed.format !== BOARD_JSON_FORMAT)
    throw new ExchangeError('IMPORT_UNSUPPORTED', 'unknown JSON');
  const columns = arr(parsed.columns);
  if (columns.length > IMPORT_LIMITS.columns) throw new ExchangeError('IMPORT_TOO_LARGE', 'too many columns');
  let cardCount = 0;
  return {
    title: boardText(parsed.title) || fallbackTitle,
    columns: columns.filter(isObject).map((c) => ({
      title: boardText(c.title),
      kind: KINDS.includes(c.kind as ColumnKind) ? (c.kind as ColumnKind) : 'custom',
      cards: arr(c.cards)
        .filter(isObject)
        .map((card) => {
          if (++cardCount > IMPORT_LIMITS.cards) throw new ExchangeError('IMPORT_TOO_LARGE', 'too many cards');
          return {
            title: boardText(card.title),
            description: boardText(card.description, IMPORT_LIMITS.descriptionChars),
            colour: importColour(card.colour),
            due: isDueDate(card.due) ? card.due : '',
            tags: arr(card.tags)
              .map((t) => boardText(t, 40).trim())
              .filter(Boolean)
              .slice(0, IMPORT_LIMITS.tagsPerCard),
            checklist: arr(card.checklist)
              .filter(isObject)
              .slice(0, IMPORT_LIMITS.checklistPerCard)
              .map((i) => ({ text: boardText(i.text), done: i.done === true })),
          };
        }),
    })),
  };
}
