import type * as Y from 'yjs';
import { addColumn } from './addColumn.js';
import type { ColumnKind } from './Board.js';
import { DECISIONS_COLUMN_ID } from '../decisions/DECISION_BOARD.js';

/** Creates a board's first columns. */
export function initBoard(doc: Y.Doc, columns: ReadonlyArray<{ title: string; kind: ColumnKind }>): void {
  doc.transact(() => {
    for (const c of columns) addColumn(doc, { ...c, ...(c.kind === 'decisions' ? { id: DECISIONS_COLUMN_ID } : {}) });
  });
}
