import type { AuthoredSpan } from './AuthoredBlock.js';

/** Appends a span, merged into the last one when author and marks are the same. */
export function pushSpan(out: AuthoredSpan[], span: AuthoredSpan): void {
  if (!span.text) return;
  const last = out[out.length - 1];
  if (last && last.author === span.author && last.marks.join() === span.marks.join()) {
    out[out.length - 1] = { ...last, text: last.text + span.text };
  } else out.push(span);
}
