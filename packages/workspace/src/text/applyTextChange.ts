import type * as Y from 'yjs';

/**
 * Applies the edit that turns a Y.Text's content into `next` as one delete and one insert at
 * the changed span (common prefix and suffix kept). A plain text field bound this way merges
 * with what others type at the same time instead of overwriting it.
 */
export function applyTextChange(text: Y.Text, next: string, origin?: unknown): void {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)) {
    endPrev--;
    endNext--;
  }
  const apply = (): void => {
    if (endPrev > start) text.delete(start, endPrev - start);
    if (endNext > start) text.insert(start, next.slice(start, endNext));
  };
  if (text.doc) text.doc.transact(apply, origin);
  else apply();
}
