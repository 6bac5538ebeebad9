import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from '../document/DOCUMENT_FIELD.js';
import { writeDocumentContent } from '../document/writeDocumentContent.js';
import { blockText } from './blockText.js';
import { claimAuthorship } from './claimAuthorship.js';
import { documentAuthorship } from './documentAuthorship.js';
import { readClientAuthors } from './readClientAuthors.js';
import { signedBy } from '../testing/signedBy.js';

const ALICE = 'a'.repeat(64);
const BOB = 'b'.repeat(64);
const sync = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));

describe('documentAuthorship', () => {
  it('HISTORY-2: each run of text belongs to the person who typed it', () => {
    const alice = new Y.Doc();
    claimAuthorship(alice, ALICE);
    writeDocumentContent(alice, [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Tract' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Rendez-vous place du marché.' }] },
    ]);
    const bob = new Y.Doc();
    claimAuthorship(bob, BOB);
    sync(alice, bob);
    // Bob inserts inside Alice's paragraph
    const p = bob.getXmlFragment(DOCUMENT_FIELD).get(1) as Y.XmlElement;
    (p.get(0) as Y.XmlText).insert(12, 'samedi ');
    sync(bob, alice);
    const blocks = documentAuthorship(alice, readClientAuthors(alice, signedBy([alice, ALICE], [bob, BOB])).authors);
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1, spans: [{ text: 'Tract', author: ALICE }] });
    expect(blocks[1]!.spans).toEqual([
      { text: 'Rendez-vous ', author: ALICE, marks: [] },
      { text: 'samedi ', author: BOB, marks: [] },
      { text: 'place du marché.', author: ALICE, marks: [] },
    ]);
  });

  it('HISTORY-2: text nobody claimed has no author; marks, lists, tasks, quotes, tables, breaks keep their shape', () => {
    const doc = new Y.Doc();
    writeDocumentContent(doc, [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'gras', marks: [{ type: 'bold' }] },
          { type: 'hardBreak' },
          { type: 'text', text: 'suite' },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'trois' }] }] },
          {
            type: 'listItem',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'quatre' }] },
              {
                type: 'bulletList',
                content: [
                  { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'sous' }] }] },
                ],
              },
            ],
          },
        ],
      },
      {
        type: 'taskList',
        content: [
          {
            type: 'taskItem',
            attrs: { checked: true },
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'fait' }] }],
          },
        ],
      },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cité' }] }] },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Qui' }] }] },
              { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoi' }] }] },
            ],
          },
        ],
      },
      { type: 'horizontalRule' },
    ]);
    const blocks = documentAuthorship(doc, readClientAuthors(doc, signedBy()).authors);
    expect(blocks[0]!.spans).toEqual([
      { text: 'gras', author: null, marks: ['bold'] },
      { text: '\nsuite', author: null, marks: [] },
    ]);
    expect(blocks.slice(1).map((b) => [b.kind, b.level, b.number ?? b.checked ?? null, blockText(b)])).toEqual([
      ['ordered', 1, 3, 'trois'],
      ['ordered', 1, 4, 'quatre'],
      ['bullet', 2, null, 'sous'],
      ['task', 1, true, 'fait'],
      ['quote', 0, null, 'cité'],
      ['row', 0, null, 'Qui | Quoi'],
      ['rule', 0, null, ''],
    ]);
  });
});
