import type * as Y from 'yjs';
import { YQuery } from './YQuery.svelte';

/** A {@link YQuery} tied to the calling component's lifetime. Call during component init. */
export function useY<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): YQuery<T> {
  const q = new YQuery(doc, read);
  $effect(() => () => q.destroy());
  return q;
}
