import type * as Y from 'yjs';
import { AUTHORS_ROOT } from './AUTHORS_ROOT.js';

const PERSON_ID = /^[0-9a-f]{64}$/;

/**
 * R115: who wrote under each Yjs client id of an item, from the claims in {@link AUTHORS_ROOT}.
 * A claim counts only when its map entry was itself written under the client id it names: a
 * member can say who *they* are, never who another client id is. (R52 already binds every
 * client id to the one author whose signed frames carry it.) Entries that are not a client id
 * and a person id are ignored.
 */
export function readClientAuthors(doc: Y.Doc): Map<number, string> {
  const out = new Map<number, string>();
  const map = doc.getMap<unknown>(AUTHORS_ROOT);
  for (const [key, item] of map._map) {
    if (item.deleted) continue;
    const client = Number(key);
    if (!Number.isSafeInteger(client) || String(client) !== key) continue;
    if (item.id.client !== client) continue;
    const value: unknown = item.content.getContent()[0];
    if (typeof value === 'string' && PERSON_ID.test(value)) out.set(client, value);
  }
  return out;
}
