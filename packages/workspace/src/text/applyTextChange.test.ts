import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextChange } from './applyTextChange.js';

describe('applyTextChange', () => {
  it('turns the text into the new value with a minimal edit', () => {
    const doc = new Y.Doc();
    const t = doc.getText('t');
    applyTextChange(t, 'bonjour');
    const deltas: unknown[] = [];
    t.observe((e) => deltas.push(e.delta));
    applyTextChange(t, 'bonsoir');
    expect(t.toString()).toBe('bonsoir');
    expect(deltas).toEqual([[{ retain: 3 }, { delete: 3 }, { insert: 'soi' }]]);
    applyTextChange(t, '');
    expect(t.toString()).toBe('');
  });

  it('does nothing when nothing changed', () => {
    const doc = new Y.Doc();
    const t = doc.getText('t');
    applyTextChange(t, 'x');
    let n = 0;
    doc.on('update', () => n++);
    applyTextChange(t, 'x');
    expect(n).toBe(0);
  });
});
