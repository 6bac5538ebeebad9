/**
 * Schema of a board document. Root types: `columns` and `cards`, both Y.Maps of Y.Maps keyed by
 * id. A card's column and position are fields (`columnId`, `order`), so moving a card is one
 * field write that merges with concurrent edits of the card, instead of a delete and re-insert
 * in a Y.Array that duplicates or drops cards when two people move the same one.
 *
 * Card fields: title, description, colour, columnId, order, due (`yyyy-mm-dd` or ''),
 * createdAt, createdBy, tags and assignees (Y.Map used as a set), checklist (Y.Map of plain
 * `{ text, done, order }`) and, for cards that carry an assembly decision, `source`.
 */
export const BOARD_ROOTS = { columns: 'columns', cards: 'cards' } as const;

/**
 * What a column means. `decisions` receives the assembly's decisions; `done` marks finished
 * work (decision states shown in the minutes rely on it); others are for people.
 */
export type ColumnKind = 'decisions' | 'todo' | 'doing' | 'done' | 'custom';

/** Where a decision card came from, to link back to the minutes. */
export interface CardSource {
  kind: 'decision';
  /** Key of the published decision (see `publishDecisions`). */
  key: string;
  assemblyId: string;
  minutesId: string;
  decisionId: string;
  /** When the assembly corrected the decision after it was delivered (0: never). */
  modifiedAt?: number;
  /** When the assembly withdrew it, or stopped addressing it to this atelier (0: it stands). */
  withdrawnAt?: number;
}

/** One line of a card's checklist. */
export interface ChecklistItem {
  id: string;
  text: string;
  done: boolean;
  order: string;
}

/** A card as the board shows it. */
export interface BoardCard {
  id: string;
  columnId: string;
  order: string;
  title: string;
  description: string;
  colour: string;
  /** `yyyy-mm-dd` or ''. */
  due: string;
  tags: string[];
  assignees: string[];
  checklist: ChecklistItem[];
  createdAt: number;
  createdBy: string;
  source: CardSource | null;
}

/** A column with its cards, in order. */
export interface BoardColumn {
  id: string;
  title: string;
  kind: ColumnKind;
  order: string;
  cards: BoardCard[];
}

/** A whole board as the screen shows it. */
export interface BoardView {
  columns: BoardColumn[];
}
