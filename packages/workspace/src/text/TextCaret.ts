import type * as Y from 'yjs';

/**
 * A plain text field's selection held as Yjs relative positions: it stays attached to the
 * characters around it whatever others insert or delete meanwhile.
 */
export interface TextCaret {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}
