import * as Y from 'yjs';
import { setIfChanged } from '../util/setIfChanged.js';
import { INDEX_ROOTS } from './SpaceIndex.js';

/**
 * Changes some fields of a listed item and stamps who did it. Returns false if the item is
 * not listed. Fields are separate Y.Map keys so a rename and a concurrent "last edited" stamp
 * both survive.
 */
export function updateItem(
  doc: Y.Doc,
  id: string,
  patch: { title?: string; archived?: boolean; role?: 'main' | '' },
  by: string,
  now: number,
): boolean {
  const m = doc.getMap<unknown>(INDEX_ROOTS.items).get(id);
  if (!(m instanceof Y.Map)) return false;
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) setIfChanged(m, k, v);
    m.set('updatedAt', now);
    m.set('updatedBy', by);
  });
  return true;
}
