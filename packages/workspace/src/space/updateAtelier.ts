import * as Y from 'yjs';
import { setIfChanged } from '../util/setIfChanged.js';
import { INDEX_ROOTS, type AtelierEntry } from './SpaceIndex.js';

/** Changes an atelier's registry entry (rename, colour, activate / put to rest, activity). */
export function updateAtelier(assembly: Y.Doc, id: string, patch: Partial<Omit<AtelierEntry, 'id'>>): boolean {
  const m = assembly.getMap<unknown>(INDEX_ROOTS.ateliers).get(id);
  if (!(m instanceof Y.Map)) return false;
  assembly.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) setIfChanged(m, k, v);
  });
  return true;
}
