import type { BoardView } from './Board.js';

/** Every tag used on the board, sorted for the filter menu. */
export function boardTags(board: BoardView): string[] {
  const tags = new Set<string>();
  for (const c of board.columns) for (const card of c.cards) for (const t of card.tags) tags.add(t);
  return [...tags].sort((a, b) => a.localeCompare(b, 'fr'));
}
