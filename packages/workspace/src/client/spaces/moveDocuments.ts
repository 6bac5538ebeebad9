import type { DocumentSessionLike } from '../../sync/SyncApi.js';
import { documentMoved } from './documentMoved.js';

/** Where a rotation stands: documents of the space moved to the new key, out of all. */
export interface MoveProgress {
  moved: number;
  total: number;
}

export interface MoveDocumentsOptions {
  /** Item ids (hex) of the space's documents. */
  items: readonly string[];
  open(itemId: string): Promise<DocumentSessionLike>;
  close(session: DocumentSessionLike): void;
  /** The space's current key epoch (read again for each document: it may move meanwhile). */
  epoch(): number;
  onProgress?(p: MoveProgress): void;
  /** Longest wait for one document (default 20 s); a document that does not move is counted out. */
  timeoutMs?: number;
}

/**
 * MEMBERSHIP-4, R73: after a rotation, opens each document of the space in turn so that this
 * writer's client moves it to the new key (a snapshot under it; the relay then drops the
 * old-key copy), and reports progress: the "every document has moved" status of the members
 * page. Documents move lazily anyway (the next writer who opens one); this only makes it happen
 * now. Resolves with the final count.
 */
export async function moveDocuments(o: MoveDocumentsOptions): Promise<MoveProgress> {
  const progress: MoveProgress = { moved: 0, total: o.items.length };
  o.onProgress?.({ ...progress });
  for (const id of o.items) {
    const session = await o.open(id);
    try {
      await session.whenSynced();
      const done = (): boolean =>
        documentMoved(session.keyEpoch, o.epoch(), true) && session.status === 'saved' && !session.hasUnsavedChanges;
      const start = Date.now();
      while (!done() && Date.now() - start < (o.timeoutMs ?? 20_000)) await new Promise((r) => setTimeout(r, 50));
      if (done()) progress.moved++;
    } finally {
      o.close(session);
    }
    o.onProgress?.({ ...progress });
  }
  return progress;
}
