import type * as Y from 'yjs';
import { asNumber } from '../util/asNumber.js';
import { asString } from '../util/asString.js';
import { INDEX_ROOTS, type SpaceMeta } from './SpaceIndex.js';

/** The space's meta, or null while the index has not arrived yet (or was never written). */
export function readSpaceMeta(doc: Y.Doc): SpaceMeta | null {
  const m = doc.getMap<unknown>(INDEX_ROOTS.meta);
  if (!m.has('kind')) return null;
  return {
    kind: m.get('kind') === 'assembly' ? 'assembly' : 'atelier',
    name: asString(m.get('name')),
    description: asString(m.get('description')),
    colour: asString(m.get('colour'), '#475569'),
    status: m.get('status') === 'resting' ? 'resting' : 'active',
    collectiveName: asString(m.get('collectiveName')),
    assemblyId: asString(m.get('assemblyId')),
    createdAt: asNumber(m.get('createdAt')),
    createdBy: asString(m.get('createdBy')),
  };
}
