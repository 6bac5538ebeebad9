import type * as Y from 'yjs';
import { setIfChanged } from '../util/setIfChanged.js';
import { INDEX_ROOTS, type SpaceMeta } from './SpaceIndex.js';

/** Changes some of the space's own fields (name, description, colour, status). */
export function updateSpaceMeta(
  doc: Y.Doc,
  patch: Partial<Pick<SpaceMeta, 'name' | 'description' | 'colour' | 'status' | 'collectiveName'>>,
): void {
  doc.transact(() => {
    const m = doc.getMap<unknown>(INDEX_ROOTS.meta);
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) setIfChanged(m, k, v);
  });
}
