import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { transformCursor, type TextDeltaOp } from './transformCursor.js';

function deltaOf(initial: string, edit: (t: Y.Text) => void): TextDeltaOp[] {
  const doc = new Y.Doc();
  const t = doc.getText('t');
  t.insert(0, initial);
  let delta: TextDeltaOp[] = [];
  t.observe((e) => (delta = e.delta as TextDeltaOp[]));
  edit(t);
  return delta;
}

describe('transformCursor', () => {
  it('shifts the caret by text inserted before it', () => {
    expect(transformCursor(deltaOf('bonjour', (t) => t.insert(0, 'Oh ')), 3)).toBe(6);
  });

  it('keeps the caret when text is inserted after it', () => {
    expect(transformCursor(deltaOf('bonjour', (t) => t.insert(7, ' !')), 3)).toBe(3);
  });

  it('pulls the caret back by text deleted before it, and to the deletion point when inside', () => {
    expect(transformCursor(deltaOf('bonjour tout le monde', (t) => t.delete(0, 8)), 12)).toBe(4);
    expect(transformCursor(deltaOf('bonjour tout le monde', (t) => t.delete(8, 5)), 10)).toBe(8);
  });

  it('handles a replace before the caret', () => {
    const delta = deltaOf('abc def', (t) => {
      t.doc!.transact(() => {
        t.delete(0, 3);
        t.insert(0, 'xyzw');
      });
    });
    expect(transformCursor(delta, 5)).toBe(6);
  });
});
