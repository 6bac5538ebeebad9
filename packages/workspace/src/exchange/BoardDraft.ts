import type { ColumnKind } from '../board/Board.js';

/** A board as plain data, before it exists as a Y.Doc: what imports produce. */
export interface BoardDraft {
  title: string;
  columns: Array<{
    title: string;
    kind: ColumnKind;
    cards: Array<{
      title: string;
      description: string;
      /** `#rrggbb` or ''. */
      colour: string;
      /** `yyyy-mm-dd` or ''. */
      due: string;
      tags: string[];
      checklist: Array<{ text: string; done: boolean }>;
    }>;
  }>;
}
