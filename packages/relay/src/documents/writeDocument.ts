import type { DocumentTransaction, RelayStorage } from '../storage/RelayStorage.js';

/** A committed document write; `durable` is null when the commit was durable already. */
export interface DocumentWrite<T> {
  value: T;
  durable: Promise<void> | null;
}

/**
 * Runs a document transaction, pipelined when the storage separates commit from sync
 * (ADR 0002), so that the document's queue can move on while the disk catches up.
 */
export async function writeDocument<T>(
  storage: RelayStorage,
  spaceId: Uint8Array,
  docId: Uint8Array,
  fn: (tx: DocumentTransaction) => Promise<T>,
): Promise<DocumentWrite<T>> {
  if (storage.commitDocument) return storage.commitDocument(spaceId, docId, fn);
  return { value: await storage.withDocument(spaceId, docId, fn), durable: null };
}
