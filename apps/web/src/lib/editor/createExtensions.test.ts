import { getSchema } from '@tiptap/core';
import { documentSchema } from '@trame/workspace/exchange';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createExtensions } from './createExtensions';

describe('EXPORT-1: the converters read what the editor writes', () => {
  it("EXPORT-1: the exchange schema has the editor's node types, marks and attributes", () => {
    const doc = new Y.Doc();
    const editor = getSchema(
      createExtensions({
        doc,
        awareness: new Awareness(doc),
        user: { id: 'a', name: 'A', colour: '#000000' },
        placeholder: '',
        taskLabel: (t) => t,
      }),
    );
    const exchange = documentSchema();
    const shape = (s: typeof exchange): Record<string, string[]> =>
      Object.fromEntries([
        ...Object.values(s.nodes).map((n) => [`node:${n.name}`, Object.keys(n.spec.attrs ?? {}).sort()]),
        ...Object.values(s.marks).map((m) => [`mark:${m.name}`, Object.keys(m.spec.attrs ?? {}).sort()]),
      ]);
    expect(shape(exchange)).toEqual(shape(editor));
  });
});
