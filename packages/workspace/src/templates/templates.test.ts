import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../board/addCard.js';
import { readBoard } from '../board/readBoard.js';
import { DOCUMENT_FIELD } from '../document/DOCUMENT_FIELD.js';
import { documentText } from '../document/documentText.js';
import { pmToYXml } from '../document/pmToYXml.js';
import { readMinutes } from '../minutes/readMinutes.js';
import { applyTemplate } from './applyTemplate.js';
import { copyItemContent } from './copyItemContent.js';
import { TEMPLATES } from './TEMPLATES.js';
import { templatesFor } from './templatesFor.js';

const ctx = { locale: 'fr' as const, now: 1, today: '2025-03-08' };

describe('templates', () => {
  it('every template applies in both languages', () => {
    for (const t of TEMPLATES) {
      for (const locale of ['fr', 'en'] as const) {
        const doc = new Y.Doc();
        expect(applyTemplate(doc, t.id, { ...ctx, locale })).toBe(t);
        expect(t.name[locale]).not.toBe('');
      }
    }
    expect(applyTemplate(new Y.Doc(), 'nope', ctx)).toBeNull();
    expect(templatesFor('board').map((t) => t.id)).toEqual(['board.atelier', 'board.simple']);
  });

  it('writes a document outline that TipTap can read', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'document.atelierReport', ctx);
    const first = doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
    expect(first.nodeName).toBe('heading');
    expect(first.getAttribute('level')).toBe(1);
    expect(documentText(doc).split('\n').slice(0, 4)).toEqual([
      "Synthèse d'atelier",
      'Date : ',
      'Présents : ',
      'Contexte',
    ]);
  });

  it('encodes marks as y-prosemirror text attributes', () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment('x');
    frag.insert(
      0,
      pmToYXml([
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'gras', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' normal' },
          ],
        },
      ]),
    );
    const text = (frag.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(text.toDelta()).toEqual([{ insert: 'gras', attributes: { bold: {} } }, { insert: ' normal' }]);
  });

  it('starts an atelier board with the decisions column first', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'board.atelier', ctx);
    expect(readBoard(doc).columns.map((c) => [c.title, c.kind])).toEqual([
      ["Décisions de l'assemblée", 'decisions'],
      ['À faire', 'todo'],
      ['En cours', 'doing'],
      ['Fait', 'done'],
    ]);
  });

  it('starts assembly minutes dated today with the usual agenda', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'minutes.assembly', ctx);
    const m = readMinutes(doc);
    expect(m.meta.date).toBe('2025-03-08');
    expect(m.agenda.map((a) => a.title)).toEqual([
      'Tour de table',
      'Retours des ateliers',
      'Décisions à prendre',
      'Questions diverses',
    ]);
  });
});

describe('copyItemContent', () => {
  it('duplicates a document without its history', () => {
    // Same client id on both sides: random ids have varint sizes of their own, which made the
    // size comparison below depend on chance.
    const src = new Y.Doc();
    src.clientID = 1;
    applyTemplate(src, 'document.actionSheet', ctx);
    const frag = src.getXmlFragment(DOCUMENT_FIELD);
    frag.delete(frag.length - 1, 1); // a deletion that must not travel with the copy
    const dst = new Y.Doc();
    dst.clientID = 1;
    copyItemContent(src, dst, 'document');
    expect(documentText(dst)).toBe(documentText(src));
    expect(Y.encodeStateAsUpdate(dst).length).toBeLessThan(Y.encodeStateAsUpdate(src).length);
  });

  it('duplicates a board but not its assembly decision cards', () => {
    const src = new Y.Doc();
    applyTemplate(src, 'board.atelier', ctx);
    const col = readBoard(src).columns[1]!.id;
    addCard(src, { columnId: col, title: 'Garder', by: 'me', now: 1, tags: ['a'] });
    addCard(src, {
      columnId: readBoard(src).columns[0]!.id,
      title: 'Décision',
      by: 'me',
      now: 1,
      source: { kind: 'decision', key: 'k', assemblyId: 'a', minutesId: 'm', decisionId: 'd' },
    });
    const dst = new Y.Doc();
    copyItemContent(src, dst, 'board');
    const cards = readBoard(dst).columns.flatMap((c) => c.cards);
    expect(cards.map((c) => [c.title, c.tags])).toEqual([['Garder', ['a']]]);
  });

  it('duplicates minutes with their agenda and discussion', () => {
    const src = new Y.Doc();
    applyTemplate(src, 'minutes.assembly', ctx);
    const dst = new Y.Doc();
    copyItemContent(src, dst, 'minutes');
    expect(readMinutes(dst)).toEqual(readMinutes(src));
  });
});
