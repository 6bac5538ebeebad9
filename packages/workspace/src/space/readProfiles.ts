import type * as Y from 'yjs';
import { asString } from '../util/asString.js';
import { INDEX_ROOTS, type MemberProfile } from './SpaceIndex.js';

/** Every published profile of the space, by member id. */
export function readProfiles(doc: Y.Doc): Map<string, MemberProfile> {
  const out = new Map<string, MemberProfile>();
  doc.getMap<unknown>(INDEX_ROOTS.profiles).forEach((v, id) => {
    if (typeof v !== 'object' || v === null) return;
    const p = v as Record<string, unknown>;
    out.set(id, { id, displayName: asString(p.displayName), colour: asString(p.colour, '#475569') });
  });
  return out;
}
