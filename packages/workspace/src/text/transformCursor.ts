/** One operation of a Y.Text change (the `delta` of a Y.YTextEvent). */
export interface TextDeltaOp {
  insert?: unknown;
  delete?: number;
  retain?: number;
}

/**
 * Where a caret at `index` ends up after a remote change, so a plain text field bound to a
 * Y.Text keeps the local caret in place while someone else types before it.
 */
export function transformCursor(delta: readonly TextDeltaOp[], index: number): number {
  let pos = 0;
  let out = index;
  for (const op of delta) {
    if (pos > index) break;
    if (op.retain !== undefined) pos += op.retain;
    else if (op.insert !== undefined) {
      const len = typeof op.insert === 'string' ? op.insert.length : 1;
      if (pos <= index) out += len;
      pos += len;
    } else if (op.delete !== undefined) {
      const removedBefore = Math.max(0, Math.min(op.delete, index - pos));
      out -= removedBefore;
      // deleted text is gone from the document: the position does not advance
      index -= removedBefore;
    }
  }
  return Math.max(0, out);
}
