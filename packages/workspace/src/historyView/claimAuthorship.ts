import type * as Y from 'yjs';
import { AUTHORS_ROOT } from './AUTHORS_ROOT.js';

/**
 * HISTORY-2: from the first local edit that writes content under this doc's Yjs client id,
 * records in {@link AUTHORS_ROOT} that the client id writes for `personId` (once per client
 * id; R115 reads it). Remote updates, cache loads and deletions alone claim nothing. Returns a
 * function that stops listening.
 */
export function claimAuthorship(doc: Y.Doc, personId: string): () => void {
  const onTransaction = (tr: Y.Transaction): void => {
    if (!tr.local) return;
    const me = doc.clientID;
    if ((tr.afterState.get(me) ?? 0) <= (tr.beforeState.get(me) ?? 0)) return;
    const map = doc.getMap<unknown>(AUTHORS_ROOT);
    const key = String(me);
    if (map.get(key) === personId) return;
    // Runs after this transaction's observers, as a transaction of its own (Yjs queues it).
    doc.transact(() => map.set(key, personId));
  };
  doc.on('afterTransaction', onTransaction);
  return () => doc.off('afterTransaction', onTransaction);
}
