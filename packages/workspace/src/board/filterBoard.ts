import type { BoardView } from './Board.js';
import type { CardFilter } from './CardFilter.js';

/** The board with only the cards that match `filter`; columns always stay. */
export function filterBoard(board: BoardView, filter: CardFilter): BoardView {
  const text = fold(filter.text ?? '');
  if (!filter.tag && !filter.assignee && !text) return board;
  return {
    columns: board.columns.map((c) => ({
      ...c,
      cards: c.cards.filter(
        (card) =>
          (!filter.tag || card.tags.includes(filter.tag)) &&
          (!filter.assignee || card.assignees.includes(filter.assignee)) &&
          (!text || fold(`${card.title} ${card.description}`).includes(text)),
      ),
    })),
  };
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}
