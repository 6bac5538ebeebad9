import * as Y from 'yjs';
import { compareOrdered } from '../ordering/compareOrdered.js';
import { asNumber } from '../util/asNumber.js';
import { asString } from '../util/asString.js';
import { INDEX_ROOTS, type AtelierEntry } from './SpaceIndex.js';

/** The ateliers registered in the assembly, in their display order. */
export function readAteliers(assembly: Y.Doc): AtelierEntry[] {
  const out: AtelierEntry[] = [];
  assembly.getMap<unknown>(INDEX_ROOTS.ateliers).forEach((v, id) => {
    if (!(v instanceof Y.Map)) return;
    out.push({
      id,
      name: asString(v.get('name')),
      description: asString(v.get('description')),
      colour: asString(v.get('colour'), '#475569'),
      status: v.get('status') === 'resting' ? 'resting' : 'active',
      order: asString(v.get('order')),
      createdAt: asNumber(v.get('createdAt')),
      lastActivityAt: asNumber(v.get('lastActivityAt')),
      lastActivityBy: asString(v.get('lastActivityBy')),
    });
  });
  return out.sort(compareOrdered);
}
