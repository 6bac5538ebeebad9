import * as Y from 'yjs';
import { setIfChanged } from '../util/setIfChanged.js';
import { BOARD_ROOTS, type ColumnKind } from './Board.js';

/**
 * Renames a column or changes what it means. The column that receives the assembly's
 * decisions keeps its name and meaning (MINUTES-5): refused (false), as is giving another
 * column that meaning.
 */
export function updateColumn(doc: Y.Doc, id: string, patch: { title?: string; kind?: ColumnKind }): boolean {
  const m = doc.getMap<unknown>(BOARD_ROOTS.columns).get(id);
  if (!(m instanceof Y.Map)) return false;
  if (m.get('kind') === 'decisions' || patch.kind === 'decisions') return false;
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) setIfChanged(m, k, v);
  });
  return true;
}
