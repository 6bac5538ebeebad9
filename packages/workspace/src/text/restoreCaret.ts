import * as Y from 'yjs';
import type { TextCaret } from './TextCaret.js';

/** Where a caret captured with {@link captureCaret} stands now, as indexes into `text`. */
export function restoreCaret(text: Y.Text, caret: TextCaret): { start: number; end: number } {
  const doc = text.doc;
  const len = text.length;
  if (!doc) return { start: len, end: len };
  const at = (p: Y.RelativePosition): number => {
    const abs = Y.createAbsolutePositionFromRelativePosition(p, doc);
    return abs && abs.type === text ? Math.min(abs.index, len) : len;
  };
  const start = at(caret.start);
  return { start, end: Math.max(start, at(caret.end)) };
}
