import * as Y from 'yjs';
import type { TextCaret } from './TextCaret.js';

/**
 * Holds a selection (`start`..`end`, indexes into `text`) as relative positions, before remote
 * changes are applied. A collapsed caret sticks to the character on its left — the one its
 * owner just typed — so that letters typed by others at the same place go after or before
 * the whole word, never inside it (carets kept as indexes re-applied after remote changes
 * interleave concurrent words letter by letter).
 */
export function captureCaret(text: Y.Text, start: number, end: number): TextCaret {
  const len = text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  return {
    start: Y.createRelativePositionFromTypeIndex(text, s, s === e ? -1 : 0),
    end: Y.createRelativePositionFromTypeIndex(text, e, -1),
  };
}
