import type * as Y from 'yjs';
import type { DocumentSessionLike, SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { stampEdit } from './stampEdit.js';

/**
 * Keeps an item's "last edited" and the space's recent activity up to date while the user
 * edits it: the first local edit is stamped at once, later ones at most once per `intervalMs`.
 * Remote edits stamp nothing. Returns a function that stops and flushes.
 */
export function trackEdits<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  spaceId: string,
  itemId: string,
  item: DocumentSessionLike,
  intervalMs = 60_000,
): () => void {
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    timer = null;
    if (!pending) return;
    pending = false;
    void stampEdit(core, spaceId, itemId).catch(() => {});
  };
  const onUpdate = (_u: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction): void => {
    if (!tr.local) return;
    pending = true;
    if (!timer) {
      flush();
      pending = false;
      timer = setTimeout(flush, intervalMs);
    }
  };
  item.doc.on('update', onUpdate);
  return () => {
    item.doc.off('update', onUpdate);
    if (timer) clearTimeout(timer);
    flush();
  };
}
