// @vitest-environment jsdom
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard } from '../board/initBoard.js';
import { writeDocumentContent } from '../document/writeDocumentContent.js';
import { initMinutes } from '../minutes/initMinutes.js';
import type { ItemInfo, SpaceMeta } from '../space/SpaceIndex.js';
import { exportSpace } from './exportSpace.js';
import { importFile } from './importFile.js';

const META: SpaceMeta = {
  kind: 'atelier',
  name: 'Atelier juridique',
  description: '',
  colour: '#0369a1',
  status: 'active',
  collectiveName: '',
  assemblyId: 'b'.repeat(32),
  createdAt: 0,
  createdBy: '',
};
const info = (id: string, type: ItemInfo['type'], title: string): ItemInfo => ({
  id,
  type,
  title,
  createdAt: 0,
  createdBy: 'a'.repeat(64),
  updatedAt: 0,
  updatedBy: '',
  archived: false,
  role: '',
});

describe('EXPORT-3: whole space archive', () => {
  it('EXPORT-3: the zip holds every item in each format and a structure.json that lists them', () => {
    const d = new Y.Doc();
    writeDocumentContent(d, [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Notes légales' }] },
    ]);
    const d2 = new Y.Doc();
    writeDocumentContent(d2, [{ type: 'paragraph', content: [{ type: 'text', text: 'deuxième' }] }]);
    const b = new Y.Doc();
    initBoard(b, [{ title: 'À faire', kind: 'todo' }]);
    const m = new Y.Doc();
    initMinutes(m, { title: 'Réunion', agenda: ['Point 1'] });
    const zip = exportSpace({
      meta: META,
      items: [
        { info: info('1'.repeat(32), 'document', 'Notes/légales'), doc: d },
        { info: info('2'.repeat(32), 'document', 'Notes/légales'), doc: d2 },
        { info: info('3'.repeat(32), 'board', 'Tableau'), doc: b },
        { info: info('4'.repeat(32), 'minutes', 'Réunion'), doc: m },
      ],
      locale: 'fr',
      names: new Map([['a'.repeat(64), 'Awa']]),
      exportedAt: Date.UTC(2026, 11, 1),
    });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'comptes-rendus/Réunion.html',
      'comptes-rendus/Réunion.md',
      'comptes-rendus/Réunion.odt',
      'documents/Notes légales (22222222).html',
      'documents/Notes légales (22222222).md',
      'documents/Notes légales (22222222).odt',
      'documents/Notes légales.html',
      'documents/Notes légales.md',
      'documents/Notes légales.odt',
      'structure.json',
      'tableaux/Tableau.csv',
      'tableaux/Tableau.json',
      'tableaux/Tableau.md',
    ]);
    const structure = JSON.parse(strFromU8(files['structure.json']!));
    expect(structure).toMatchObject({
      format: 'trame.space',
      version: 1,
      space: { name: 'Atelier juridique', kind: 'atelier' },
    });
    expect(structure.items).toHaveLength(4);
    expect(structure.items[0]).toMatchObject({
      type: 'document',
      title: 'Notes/légales',
      createdBy: 'Awa',
      files: ['documents/Notes légales.odt', 'documents/Notes légales.md', 'documents/Notes légales.html'],
    });
    // Each file in the archive imports again.
    const again = importFile('Notes légales.odt', files['documents/Notes légales.odt']!);
    expect(again.ok && again.type === 'document' && again.content.content?.[0]?.content?.[0]?.text).toBe(
      'Notes légales',
    );
    const board = importFile('Tableau.json', files['tableaux/Tableau.json']!);
    expect(board.ok && board.type === 'board' && board.draft.columns.map((c) => c.title)).toEqual(['À faire']);
  });
});
