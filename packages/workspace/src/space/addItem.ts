import * as Y from 'yjs';
import { INDEX_ROOTS, type ItemInfo } from './SpaceIndex.js';

/** Lists a new document, board or minutes in the space's index. */
export function addItem(doc: Y.Doc, info: ItemInfo): void {
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(info)) if (k !== 'id') item.set(k, v);
    doc.getMap<unknown>(INDEX_ROOTS.items).set(info.id, item);
  });
}
