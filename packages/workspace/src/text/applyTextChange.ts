import type * as Y from 'yjs';

/**
 * Applies the edit that turns a Y.Text's content into `next` as one delete and one insert at
 * the changed span (common prefix and suffix kept). A plain text field bound this way merges
 * with what others type at the same time instead of overwriting it.
 *
 * `caret` is where the field's caret stands in `next` after the edit (its `selectionEnd`).
 * A diff alone cannot tell where a letter went in a run of equal letters ("Début." + "s"
 * typed between two "s"), and the wrong guess attaches it to someone else's word: the changed
 * span is then taken to end at the caret, where the person actually typed.
 */
export function applyTextChange(text: Y.Text, next: string, origin?: unknown, caret?: number): void {
  const prev = text.toString();
  if (prev === next) return;
  // With a caret, what was typed ends there: the common prefix stops before the typed text
  // (a deletion's caret stands where the text was removed) and the suffix after the caret.
  const grown = Math.max(0, next.length - prev.length);
  const maxPrefix = caret === undefined ? next.length : Math.max(0, Math.min(caret, next.length) - grown);
  const max = Math.min(prev.length, next.length, maxPrefix);
  let start = 0;
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  const maxSuffix = Math.min(prev.length, next.length) - start;
  const suffixCap = caret === undefined ? maxSuffix : Math.min(maxSuffix, next.length - Math.min(caret, next.length));
  let suffix = 0;
  while (
    suffix < suffixCap &&
    prev.charCodeAt(prev.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix++;
  }
  const endPrev = prev.length - suffix;
  const endNext = next.length - suffix;
  const apply = (): void => {
    if (endPrev > start) text.delete(start, endPrev - start);
    if (endNext > start) text.insert(start, next.slice(start, endNext));
  };
  if (text.doc) text.doc.transact(apply, origin);
  else apply();
}
