import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDocs } from '../testing/syncDocs.js';
import { addCard } from './addCard.js';
import { addChecklistItem } from './addChecklistItem.js';
import { addColumn } from './addColumn.js';
import { BOARD_ROOTS } from './Board.js';
import { boardTags } from './boardTags.js';
import { filterBoard } from './filterBoard.js';
import { initBoard } from './initBoard.js';
import { moveCard } from './moveCard.js';
import { moveColumn } from './moveColumn.js';
import { readBoard } from './readBoard.js';
import { removeColumn } from './removeColumn.js';
import { updateCard } from './updateCard.js';
import { updateChecklistItem } from './updateChecklistItem.js';

const by = 'me';
const now = 1_700_000_000_000;

function setup(): { doc: Y.Doc; todo: string; doing: string; done: string } {
  const doc = new Y.Doc();
  initBoard(doc, [
    { title: 'À faire', kind: 'todo' },
    { title: 'En cours', kind: 'doing' },
    { title: 'Fait', kind: 'done' },
  ]);
  const [todo, doing, done] = readBoard(doc).columns.map((c) => c.id) as [string, string, string];
  return { doc, todo, doing, done };
}

function titles(doc: Y.Doc): string[][] {
  return readBoard(doc).columns.map((c) => c.cards.map((card) => card.title));
}

describe('board', () => {
  it('keeps columns and cards in order', () => {
    const { doc, todo } = setup();
    addCard(doc, { columnId: todo, title: 'Banderole', by, now });
    addCard(doc, { columnId: todo, title: 'Tracts', by, now });
    addCard(doc, { columnId: todo, title: 'Urgent', by, now, index: 0 });
    expect(readBoard(doc).columns.map((c) => c.title)).toEqual(['À faire', 'En cours', 'Fait']);
    expect(titles(doc)[0]).toEqual(['Urgent', 'Banderole', 'Tracts']);
  });

  it('moves a card by rewriting only its column and order', () => {
    const { doc, todo, doing } = setup();
    const a = addCard(doc, { columnId: todo, title: 'A', by, now });
    addCard(doc, { columnId: todo, title: 'B', by, now });
    let changed: string[] = [];
    doc.getMap(BOARD_ROOTS.cards).observeDeep((events) => {
      changed = events.flatMap((e) => [...(e.changes.keys.keys() as Iterable<string>)]);
    });
    moveCard(doc, a, doing, 0);
    expect(titles(doc)).toEqual([['B'], ['A'], []]);
    expect(changed).toContain('columnId');
    expect(changed.every((k) => k === 'columnId' || k === 'order')).toBe(true);
  });

  it('never duplicates or loses a card that two people move at the same time', () => {
    const { doc: alice, todo, doing, done } = setup();
    const bob = new Y.Doc();
    syncDocs(alice, bob);
    const card = addCard(alice, { columnId: todo, title: 'Affiche', by, now });
    addCard(alice, { columnId: todo, title: 'Autre', by, now });
    syncDocs(alice, bob);
    moveCard(alice, card, doing, 0);
    moveCard(bob, card, done, 0);
    updateCard(bob, card, { description: 'format A3' });
    syncDocs(alice, bob);
    const all = readBoard(alice).columns.flatMap((c) => c.cards);
    expect(all.filter((c) => c.title === 'Affiche')).toHaveLength(1);
    expect(all).toHaveLength(2);
    expect(titles(alice)).toEqual(titles(bob));
    expect(all.find((c) => c.id === card)!.description).toBe('format A3');
  });

  it('merges concurrent moves of different cards into the same column', () => {
    const { doc: alice, todo, done } = setup();
    const bob = new Y.Doc();
    const a = addCard(alice, { columnId: todo, title: 'A', by, now });
    const b = addCard(alice, { columnId: todo, title: 'B', by, now });
    syncDocs(alice, bob);
    moveCard(alice, a, done, 0);
    moveCard(bob, b, done, 0);
    syncDocs(alice, bob);
    expect(titles(alice)[2]!.sort()).toEqual(['A', 'B']);
    expect(titles(alice)).toEqual(titles(bob));
    // and the tie left by the two inserts at index 0 is repaired by the next move
    const c = addCard(alice, { columnId: todo, title: 'C', by, now });
    moveCard(alice, c, done, 1);
    expect(titles(alice)[2]![1]).toBe('C');
  });

  it('merges tags and assignees added concurrently', () => {
    const { doc: alice, todo } = setup();
    const bob = new Y.Doc();
    const card = addCard(alice, { columnId: todo, title: 'A', by, now, tags: ['presse'] });
    syncDocs(alice, bob);
    updateCard(alice, card, { tags: ['presse', 'urgent'], assignees: ['alice'] });
    updateCard(bob, card, { tags: ['presse', 'radio'], assignees: ['bob'] });
    syncDocs(alice, bob);
    const c = readBoard(alice).columns[0]!.cards[0]!;
    expect(c.tags).toEqual(['presse', 'radio', 'urgent']);
    expect(c.assignees).toEqual(['alice', 'bob']);
  });

  it('shows cards of a concurrently removed column in the first column', () => {
    const { doc, todo, doing } = setup();
    const other = new Y.Doc();
    syncDocs(doc, other);
    addCard(other, { columnId: doing, title: 'Orpheline', by, now });
    removeColumn(doc, doing);
    syncDocs(doc, other);
    expect(readBoard(doc).columns.map((c) => c.id)).not.toContain(doing);
    expect(
      readBoard(doc)
        .columns.find((c) => c.id === todo)!
        .cards.map((c) => c.title),
    ).toEqual(['Orpheline']);
  });

  it('refuses to remove a column that holds cards', () => {
    const { doc, todo } = setup();
    addCard(doc, { columnId: todo, title: 'A', by, now });
    expect(removeColumn(doc, todo)).toBe(false);
  });

  it('moves and adds columns', () => {
    const { doc, done } = setup();
    moveColumn(doc, done, 0);
    addColumn(doc, { title: 'Idées', index: 1 });
    expect(readBoard(doc).columns.map((c) => c.title)).toEqual(['Fait', 'Idées', 'À faire', 'En cours']);
  });

  it('keeps a checklist', () => {
    const { doc, todo } = setup();
    const card = addCard(doc, { columnId: todo, title: 'A', by, now });
    const one = addChecklistItem(doc, card, 'Réserver la salle')!;
    addChecklistItem(doc, card, 'Prévenir la mairie');
    updateChecklistItem(doc, card, one, { done: true });
    const list = readBoard(doc).columns[0]!.cards[0]!.checklist;
    expect(list.map((i) => [i.text, i.done])).toEqual([
      ['Réserver la salle', true],
      ['Prévenir la mairie', false],
    ]);
    updateChecklistItem(doc, card, one, { remove: true });
    expect(readBoard(doc).columns[0]!.cards[0]!.checklist).toHaveLength(1);
  });

  it('filters by tag, assignee and accent-insensitive text', () => {
    const { doc, todo, doing } = setup();
    addCard(doc, { columnId: todo, title: 'Préparer la manifestation', by, now, tags: ['action'], assignees: ['lea'] });
    addCard(doc, { columnId: doing, title: 'Tract', by, now, tags: ['com'] });
    const board = readBoard(doc);
    expect(boardTags(board)).toEqual(['action', 'com']);
    const count = (f: Parameters<typeof filterBoard>[1]): number =>
      filterBoard(board, f).columns.reduce((n, c) => n + c.cards.length, 0);
    expect(count({ tag: 'action' })).toBe(1);
    expect(count({ assignee: 'lea' })).toBe(1);
    expect(count({ text: 'preparer' })).toBe(1);
    expect(count({})).toBe(2);
    expect(filterBoard(board, { tag: 'none' }).columns).toHaveLength(3);
  });
});
