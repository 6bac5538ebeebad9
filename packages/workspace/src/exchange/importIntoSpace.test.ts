// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../board/readBoard.js';
import { documentText } from '../document/documentText.js';
import type { DocumentSessionLike } from '../sync/SyncApi.js';
import { importFile } from './importFile.js';
import { importIntoSpace, type ImportTarget } from './importIntoSpace.js';

/** A client that records what an import does; items are plain Y.Docs. */
function fakeClient(o: { saved?: Promise<void> } = {}) {
  const docs = new Map<string, Y.Doc>();
  const created: Array<{ type: string; title: string; templateId?: string }> = [];
  let closed = 0;
  const client: ImportTarget = {
    me: { id: 'a'.repeat(64) },
    createItem: async (_space, item) => {
      created.push(item);
      const id = String(docs.size + 1).padStart(32, '0');
      docs.set(id, new Y.Doc());
      return id;
    },
    openItem: async (_space, id) =>
      ({
        doc: docs.get(id)!,
        whenSynced: async () => {},
        whenSaved: () => o.saved ?? Promise.resolve(),
      }) as unknown as DocumentSessionLike,
    closeItem: () => {
      closed++;
    },
  };
  return { client, docs, created, closed: () => closed };
}

describe('IMPORT-1 / IMPORT-2: importing into a space', () => {
  it('IMPORT-1: a Markdown file becomes a new, empty-template document holding its content', async () => {
    const f = fakeClient();
    const r = importFile('Tract.md', new TextEncoder().encode('# Tract\n\nRendez-vous à 14 h.\n'));
    if (!r.ok) throw r.error;
    const id = await importIntoSpace(f.client, 's', r, { locale: 'fr', now: 0 });
    expect(f.created).toEqual([{ type: 'document', title: 'Tract', templateId: 'document.import', locale: 'fr' }]);
    expect(documentText(f.docs.get(id)!)).toBe('Tract\nRendez-vous à 14 h.');
    expect(f.closed()).toBe(1);
  });

  it('IMPORT-2: a kanban becomes a board; a relay that never confirms does not hang the import', async () => {
    const f = fakeClient({ saved: new Promise(() => {}) });
    const kanban = {
      data: { '1': { title: 'À faire', item: [1] } },
      items: { '1': { title: 'Carte', tags: ['x'] } },
      list: [1],
    };
    const r = importFile('Kanban.json', new TextEncoder().encode(JSON.stringify(kanban)));
    if (!r.ok) throw r.error;
    const id = await importIntoSpace(f.client, 's', r, { locale: 'fr', now: 0, saveTimeoutMs: 10 });
    expect(readBoard(f.docs.get(id)!).columns.map((c) => [c.title, c.cards.map((k) => k.title)])).toEqual([
      ['À faire', ['Carte']],
    ]);
    expect(f.closed()).toBe(1);
  });
});
