import type { BoardView } from '../board/Board.js';

/** Format marker of Trame's board JSON; {@link boardDraftFromJson} reads it back. */
export const BOARD_JSON_FORMAT = 'trame.board';

/**
 * A board as JSON: columns and cards in order with every field a person typed. Assignees are
 * written as names (`names`: member id → display name), not as keys.
 */
export function boardToJson(view: BoardView, title: string, names: ReadonlyMap<string, string> = new Map()): string {
  return `${JSON.stringify(
    {
      format: BOARD_JSON_FORMAT,
      version: 1,
      title,
      columns: view.columns.map((c) => ({
        title: c.title,
        kind: c.kind,
        cards: c.cards.map((card) => ({
          title: card.title,
          description: card.description,
          colour: card.colour,
          due: card.due,
          tags: card.tags,
          assignees: card.assignees.map((a) => names.get(a) ?? a),
          checklist: card.checklist.map((i) => ({ text: i.text, done: i.done })),
          createdAt: card.createdAt ? new Date(card.createdAt).toISOString() : '',
        })),
      })),
    },
    null,
    2,
  )}\n`;
}
