// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../board/addCard.js';
import { addChecklistItem } from '../board/addChecklistItem.js';
import { initBoard } from '../board/initBoard.js';
import { readBoard } from '../board/readBoard.js';
import { updateChecklistItem } from '../board/updateChecklistItem.js';
import { addAction } from '../minutes/addAction.js';
import { addDecision } from '../minutes/addDecision.js';
import { agendaDiscussion } from '../minutes/agendaDiscussion.js';
import { initMinutes } from '../minutes/initMinutes.js';
import { readMinutes } from '../minutes/readMinutes.js';
import { setAttendance } from '../minutes/setAttendance.js';
import type { BoardView } from '../board/Board.js';
import { boardDraftFromJson } from './boardDraftFromJson.js';
import { exportItem } from './exportItem.js';
import { importFile } from './importFile.js';
import { writeBoardDraft } from './writeBoardDraft.js';

const NOW = Date.UTC(2026, 11, 1, 12);
const AWA = 'a'.repeat(64);

function sampleBoard(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, [
    { title: 'À faire', kind: 'todo' },
    { title: 'En cours', kind: 'doing' },
    { title: 'Fait', kind: 'done' },
  ]);
  const [todo, doing, done] = readBoard(doc).columns;
  const c1 = addCard(doc, {
    columnId: todo!.id,
    by: AWA,
    now: NOW,
    title: 'Déclarer la manif',
    description: 'Trois jours avant.\n\n=HYPERLINK("http://evil")',
    colour: '#b91c1c',
    due: '2026-12-09',
    tags: ['legal', 'urgent'],
    assignees: [AWA],
  });
  const i1 = addChecklistItem(doc, c1, 'Remplir le Cerfa')!;
  updateChecklistItem(doc, c1, i1, { done: true });
  addChecklistItem(doc, c1, 'Déposer en mairie');
  addCard(doc, { columnId: doing!.id, by: AWA, now: NOW, title: '=HYPERLINK("http://evil")' });
  addCard(doc, { columnId: done!.id, by: AWA, now: NOW, title: 'Pad ouvert, "enfin"' });
  return doc;
}

/** What must survive a board round trip: columns in order, cards in order with their fields. */
function boardShape(v: BoardView): unknown {
  return v.columns.map((c) => ({
    title: c.title,
    kind: c.kind,
    cards: c.cards.map((k) => ({
      title: k.title,
      description: k.description,
      colour: k.colour,
      due: k.due,
      tags: [...k.tags].sort(),
      checklist: k.checklist.map((i) => [i.text, i.done]),
    })),
  }));
}

describe('EXPORT-2: boards', () => {
  const doc = sampleBoard();
  const names = new Map([[AWA, 'Awa']]);
  const src = { type: 'board' as const, title: 'Tableau de la manif', doc, locale: 'fr' as const, names };

  it('EXPORT-2: JSON round trip gives the same board (columns, cards, tags, colours, checklists)', () => {
    const file = exportItem(src, 'json');
    expect(file.name).toBe('Tableau de la manif.json');
    const draft = boardDraftFromJson(strFromU8(file.bytes), 'x');
    expect(draft.title).toBe('Tableau de la manif');
    const copy = new Y.Doc();
    writeBoardDraft(copy, draft, { by: AWA, now: NOW });
    expect(boardShape(readBoard(copy))).toEqual(boardShape(readBoard(doc)));
    expect(JSON.parse(strFromU8(file.bytes)).columns[0].cards[0].assignees).toEqual(['Awa']);
  });

  it('EXPORT-2: CSV has one row per card, parses back, and neutralises formulas', () => {
    const bytes = exportItem(src, 'csv').bytes;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(
      strFromU8(bytes)
        .replace(/^\uFEFF/, '')
        .trim(),
    ).data;
    expect(rows[0]).toEqual([
      'Colonne',
      'Titre',
      'Description',
      'Étiquettes',
      'Couleur',
      'Échéance',
      'Responsables',
      'Liste',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[1]!.slice(0, 2)).toEqual(['À faire', 'Déclarer la manif']);
    expect(rows[1]![6]).toBe('Awa');
    expect(rows[1]![7]).toBe('[x] Remplir le Cerfa\n[ ] Déposer en mairie');
    expect(rows[2]![1]).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[3]).toEqual(['Fait', 'Pad ouvert, "enfin"', '', '', '', '', '', '']);
  });

  it('EXPORT-2: Markdown lists columns as headings and cards with their details and checklists', () => {
    const md = strFromU8(exportItem(src, 'md').bytes);
    expect(md).toContain('# Tableau de la manif');
    expect(md).toContain('## À faire');
    expect(md).toContain('**Déclarer la manif**');
    expect(md).toContain('Étiquettes : legal, urgent');
    expect(md).toContain('[x] Remplir le Cerfa');
    expect(md).toContain('## En cours');
  });
});

describe('EXPORT-2: minutes as a compte rendu', () => {
  const doc = new Y.Doc();
  initMinutes(doc, {
    title: 'AG du 3 décembre',
    date: '2026-12-03',
    place: 'Salle des fêtes',
    chair: 'Awa',
    noteTaker: 'Bruno',
    agenda: ['Manif du 12', 'Divers'],
  });
  setAttendance(doc, { key: 'k1', name: 'Awa' }, 'present');
  setAttendance(doc, { key: 'k2', name: 'Bruno' }, 'present');
  setAttendance(doc, { key: 'k3', name: 'Chloé' }, 'excused');
  const first = readMinutes(doc).agenda[0]!;
  agendaDiscussion(doc, first.id)!.insert(0, 'On part de la gare.\nParcours validé.\n\nQuestion de la sono.');
  addDecision(doc, first.id, { text: 'La manif part à 14 h', now: NOW });
  addAction(doc, first.id, { text: 'Déclarer en préfecture', who: 'Awa', due: '2026-12-09' });
  const src = { type: 'minutes' as const, title: 'AG', doc, locale: 'fr' as const };

  it('EXPORT-2: Markdown has date, place, chair, present, agenda with discussion, decisions and actions', () => {
    const md = strFromU8(exportItem(src, 'md').bytes);
    expect(md).toContain('# AG du 3 décembre');
    expect(md).toContain('**Date :** 3 décembre 2026');
    expect(md).toContain('**Lieu :** Salle des fêtes');
    expect(md).toContain('**Animation :** Awa');
    expect(md).toContain('**Présent·es (2) :** Awa, Bruno');
    expect(md).toContain('**Excusé·es :** Chloé');
    expect(md).toContain('## Ordre du jour');
    expect(md).toContain('1. Manif du 12');
    expect(md).toContain('## 1. Manif du 12');
    expect(md).toContain('Question de la sono.');
    expect(md).toContain('### Décisions');
    expect(md).toContain('- La manif part à 14 h');
    expect(md).toContain('- [ ] Déclarer en préfecture (qui : Awa, pour le 9 décembre 2026)');
  });

  it('EXPORT-2: .odt has the compte rendu with its headings', () => {
    const files = unzipSync(exportItem(src, 'odt').bytes);
    const content = strFromU8(files['content.xml']!);
    expect(content).toContain('text:outline-level="1">AG du 3 décembre</text:h>');
    expect(content).toContain('text:outline-level="3">Décisions</text:h>');
    expect(content).toContain('Salle des fêtes');
  });

  it('EXPORT-2: HTML (the printable page) has the same sections', () => {
    const html = strFromU8(exportItem(src, 'html').bytes);
    expect(html).toContain('<h2>1. Manif du 12</h2>');
    expect(html).toContain('On part de la gare.<br>Parcours validé.');
  });
});

describe('IMPORT-2: CryptPad kanban', () => {
  const fixture = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures/cryptpad-kanban.json'));

  it('IMPORT-2: a CryptPad kanban export becomes a board with its columns, cards, tags and colours', () => {
    const r = importFile('Manif 12 décembre.json', new Uint8Array(fixture));
    expect(r.ok && r.type === 'board' && r.source).toBe('cryptpad');
    if (!r.ok || r.type !== 'board') return;
    const doc = new Y.Doc();
    writeBoardDraft(doc, r.draft, { by: AWA, now: NOW });
    const view = readBoard(doc);
    expect(view.columns.map((c) => c.title)).toEqual(['À faire', 'En cours', 'Fait']);
    expect(view.columns.map((c) => c.cards.map((k) => k.title))).toEqual([
      ['Déclarer la manif en préfecture', 'Imprimer les tracts'],
      ['Trouver une sono'],
      ['Réserver la salle', 'Ouvrir le pad'],
    ]);
    const [declare, print] = view.columns[0]!.cards;
    expect(declare!.tags.sort()).toEqual(['legal', 'urgent']);
    expect(declare!.colour).toBe('#b91c1c');
    expect(declare!.description).toBe('Trois jours avant **au plus tard**.');
    expect(print!.colour).toBe('#0369a1');
    expect(view.columns[1]!.cards[0]!.colour).toBe('#8b5cf6');
    expect(view.columns[2]!.cards[0]!.colour).toBe('');
    expect(view.columns[2]!.cards[1]!.tags).toEqual(['com']);
  });

  it('IMPORT-2: colours that are not hex triplets are dropped, oversized boards refused', () => {
    const evil = {
      data: { '1': { title: 'x', item: [1] } },
      items: { '1': { title: 'y', color: 'red;background:url(x)' } },
      list: [1],
    };
    const r = importFile('k.json', new TextEncoder().encode(JSON.stringify(evil)));
    expect(r.ok && r.type === 'board' && r.draft.columns[0]!.cards[0]!.colour).toBe('');
    const big = {
      data: { '1': { title: 'x', item: Array.from({ length: 2001 }, (_, i) => i) } },
      items: Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [i, { title: 't' }])),
      list: [1],
    };
    const r2 = importFile('k.json', new TextEncoder().encode(JSON.stringify(big)));
    expect(!r2.ok && r2.error.code).toBe('IMPORT_TOO_LARGE');
  });

  it('IMPORT-2: a CryptPad rich-text export (.html, .md) becomes a document', () => {
    const html =
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Pad</title></head><body><h1>Notes légales</h1><p>Numéro de la <strong>legal team</strong> : 06…</p><ul><li>Garder sa carte</li></ul></body></html>';
    const r = importFile('Notes.html', new TextEncoder().encode(html));
    expect(r.ok && r.type === 'document' && r.content.content?.map((n) => n.type)).toEqual([
      'heading',
      'paragraph',
      'bulletList',
    ]);
    const r2 = importFile(
      'Notes.md',
      new TextEncoder().encode('Notes légales\n=============\n\n*   Garder sa carte\n'),
    );
    expect(r2.ok && r2.type === 'document' && r2.content.content?.map((n) => n.type)).toEqual([
      'heading',
      'bulletList',
    ]);
  });

  it('IMPORT-1: unknown formats and broken files are refused with typed errors', () => {
    const a = importFile('x.docx', new Uint8Array([1, 2]));
    expect(!a.ok && [a.error.code, a.error.number]).toEqual(['IMPORT_UNSUPPORTED', 7001]);
    const b = importFile('x.json', new TextEncoder().encode('{"hello": 1}'));
    expect(!b.ok && b.error.code).toBe('IMPORT_UNSUPPORTED');
    const c = importFile('x.json', new TextEncoder().encode('{'));
    expect(!c.ok && c.error.code).toBe('IMPORT_INVALID');
    const d = importFile('x.odt', new Uint8Array(11 * 1024 * 1024));
    expect(!d.ok && d.error.code).toBe('IMPORT_TOO_LARGE');
  });
});
