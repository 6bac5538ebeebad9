import type * as Y from 'yjs';
import type { ClientOwnership } from '../historyView/checkAuthorClaim.js';

/**
 * For tests: R52's bindings as if each doc's frames were signed by the given key, every key
 * being its own person (no linked devices).
 */
export function signedBy(...pairs: Array<[Y.Doc, string]>): ClientOwnership {
  return { owners: new Map(pairs.map(([doc, key]) => [doc.clientID, key])), personOf: (key) => key };
}
