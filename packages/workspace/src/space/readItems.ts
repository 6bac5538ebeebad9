import type * as Y from 'yjs';
import { readItem } from './readItem.js';
import { INDEX_ROOTS, type ItemInfo } from './SpaceIndex.js';

/** The space's items, most recently edited first; archived ones only when asked. */
export function readItems(doc: Y.Doc, o: { archived?: boolean } = {}): ItemInfo[] {
  const out: ItemInfo[] = [];
  for (const id of doc.getMap<unknown>(INDEX_ROOTS.items).keys()) {
    const item = readItem(doc, id);
    if (item && item.archived === (o.archived ?? false)) out.push(item);
  }
  return out.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
}
