import type * as Y from 'yjs';
import { isTrameError, type TrameError } from '@trame/protocol';
import { AUTHORS_ROOT } from './AUTHORS_ROOT.js';
import { checkAuthorClaim, type ClientOwnership } from './checkAuthorClaim.js';

const PERSON_ID = /^[0-9a-f]{64}$/;

/** Who wrote under each Yjs client id, and the claims that were refused as forged. */
export interface ClientAuthors {
  /** Yjs client id → person id, for the claims that count. */
  authors: Map<number, string>;
  /** R116: `AUTHOR_CLAIM_FORGED` (6050) for each claim naming another person than its signer's. */
  forged: TrameError[];
}

/**
 * R115, R116: who wrote under each Yjs client id of an item, from the claims in
 * {@link AUTHORS_ROOT}. A claim counts only when its map entry was itself written under the
 * client id it names (R115: a member can say who *they* are, never who another client id is)
 * and the person it names is the person of the key whose signed frames carry that client id
 * (R116, {@link checkAuthorClaim}, with `who` from the live document: R52's bindings hold for
 * every version of it, a client id's owner never changes). Entries that are not a client id and
 * a person id are ignored; a client id with no claim that counts has no author.
 */
export function readClientAuthors(doc: Y.Doc, who: ClientOwnership): ClientAuthors {
  const authors = new Map<number, string>();
  const forged: TrameError[] = [];
  const map = doc.getMap<unknown>(AUTHORS_ROOT);
  for (const [key, item] of map._map) {
    if (item.deleted) continue;
    const client = Number(key);
    if (!Number.isSafeInteger(client) || String(client) !== key) continue;
    if (item.id.client !== client) continue;
    const value: unknown = item.content.getContent()[0];
    if (typeof value !== 'string' || !PERSON_ID.test(value)) continue;
    const verdict = checkAuthorClaim({ clientId: client, person: value }, who);
    if (verdict === 'counts') authors.set(client, value);
    else if (isTrameError(verdict)) forged.push(verdict);
  }
  return { authors, forged };
}
