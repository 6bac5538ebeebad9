import type * as Y from 'yjs';
import { INDEX_ROOTS, type SpaceMeta } from './SpaceIndex.js';

/** Writes the meta of a freshly created space into its (empty) index document. */
export function initSpaceIndex(doc: Y.Doc, meta: SpaceMeta): void {
  doc.transact(() => {
    const m = doc.getMap<unknown>(INDEX_ROOTS.meta);
    for (const [k, v] of Object.entries(meta)) m.set(k, v);
  });
}
