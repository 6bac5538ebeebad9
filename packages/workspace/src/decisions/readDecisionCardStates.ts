import type * as Y from 'yjs';
import { readBoard } from '../board/readBoard.js';
import type { DecisionState } from './PublishedDecision.js';
import { RECEIVED_DECISIONS } from './DECISION_BOARD.js';

/** Where each received decision stands on an atelier board. */
export function readDecisionCardStates(
  board: Y.Doc,
): Array<{ key: string; cardId: string; state: DecisionState; columnTitle: string }> {
  const view = readBoard(board);
  const byCard = new Map<string, { state: DecisionState; columnTitle: string }>();
  for (const column of view.columns) {
    const state: DecisionState =
      column.kind === 'decisions' ? 'received' : column.kind === 'done' ? 'done' : 'inProgress';
    for (const card of column.cards) byCard.set(card.id, { state, columnTitle: column.title });
  }
  const out: Array<{ key: string; cardId: string; state: DecisionState; columnTitle: string }> = [];
  board.getMap<unknown>(RECEIVED_DECISIONS).forEach((cardId, key) => {
    if (typeof cardId !== 'string') return;
    const at = byCard.get(cardId);
    out.push({ key, cardId, state: at?.state ?? 'removed', columnTitle: at?.columnTitle ?? '' });
  });
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}
