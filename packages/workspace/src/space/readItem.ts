import * as Y from 'yjs';
import { asBoolean } from '../util/asBoolean.js';
import { asNumber } from '../util/asNumber.js';
import { asString } from '../util/asString.js';
import { INDEX_ROOTS, type ItemInfo, type ItemType } from './SpaceIndex.js';

const TYPES: readonly ItemType[] = ['document', 'board', 'minutes'];

/** One listed item, or null if the index has no (well-formed) entry for `id`. */
export function readItem(doc: Y.Doc, id: string): ItemInfo | null {
  const m = doc.getMap<unknown>(INDEX_ROOTS.items).get(id);
  if (!(m instanceof Y.Map)) return null;
  const type = m.get('type');
  if (!TYPES.includes(type as ItemType)) return null;
  return {
    id,
    type: type as ItemType,
    title: asString(m.get('title')),
    createdAt: asNumber(m.get('createdAt')),
    createdBy: asString(m.get('createdBy')),
    updatedAt: asNumber(m.get('updatedAt')),
    updatedBy: asString(m.get('updatedBy')),
    archived: asBoolean(m.get('archived')),
    role: m.get('role') === 'main' ? 'main' : '',
  };
}
