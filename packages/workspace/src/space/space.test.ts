import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDocs } from '../testing/syncDocs.js';
import { addItem } from './addItem.js';
import { findMainBoard } from './findMainBoard.js';
import { initSpaceIndex } from './initSpaceIndex.js';
import { readActivity } from './readActivity.js';
import { readAteliers } from './readAteliers.js';
import { readItems } from './readItems.js';
import { readProfiles } from './readProfiles.js';
import { readSpaceMeta } from './readSpaceMeta.js';
import { ACTIVITY_KEEP, recordActivity } from './recordActivity.js';
import { registerAtelier } from './registerAtelier.js';
import { setProfile } from './setProfile.js';
import type { ItemInfo } from './SpaceIndex.js';
import { updateAtelier } from './updateAtelier.js';
import { updateItem } from './updateItem.js';

const item = (id: string, patch: Partial<ItemInfo> = {}): ItemInfo => ({
  id,
  type: 'document',
  title: id,
  createdAt: 1,
  createdBy: 'me',
  updatedAt: 1,
  updatedBy: 'me',
  archived: false,
  role: '',
  ...patch,
});

describe('space index', () => {
  it('has no meta until it is initialised', () => {
    const doc = new Y.Doc();
    expect(readSpaceMeta(doc)).toBeNull();
    initSpaceIndex(doc, {
      kind: 'atelier',
      name: 'Juridique',
      description: 'Droits',
      colour: '#4338ca',
      status: 'active',
      collectiveName: '',
      assemblyId: 'aa',
      createdAt: 5,
      createdBy: 'me',
    });
    expect(readSpaceMeta(doc)).toMatchObject({ kind: 'atelier', name: 'Juridique', assemblyId: 'aa' });
  });

  it('lists items most recently edited first and hides archived ones', () => {
    const doc = new Y.Doc();
    addItem(doc, item('a'));
    addItem(doc, item('b', { type: 'board' }));
    addItem(doc, item('c', { type: 'minutes' }));
    updateItem(doc, 'a', {}, 'lea', 10);
    updateItem(doc, 'c', { archived: true }, 'lea', 11);
    expect(readItems(doc).map((i) => i.id)).toEqual(['a', 'b']);
    expect(readItems(doc)[0]!.updatedBy).toBe('lea');
    expect(readItems(doc, { archived: true }).map((i) => i.id)).toEqual(['c']);
    expect(updateItem(doc, 'zz', { title: 'x' }, 'lea', 1)).toBe(false);
  });

  it('keeps a concurrent rename and edit stamp', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addItem(a, item('x'));
    syncDocs(a, b);
    updateItem(a, 'x', { title: 'Tract manif' }, 'lea', 20);
    updateItem(b, 'x', {}, 'karim', 21);
    syncDocs(a, b);
    expect(readItems(a)[0]).toMatchObject({ title: 'Tract manif' });
    expect(readItems(a)).toEqual(readItems(b));
  });

  it('picks the main board, else the oldest board', () => {
    const doc = new Y.Doc();
    expect(findMainBoard(doc)).toBeNull();
    addItem(doc, item('b2', { type: 'board', createdAt: 2 }));
    addItem(doc, item('b1', { type: 'board', createdAt: 1 }));
    expect(findMainBoard(doc)!.id).toBe('b1');
    updateItem(doc, 'b2', { role: 'main' }, 'me', 3);
    expect(findMainBoard(doc)!.id).toBe('b2');
  });

  it('stores profiles per member', () => {
    const doc = new Y.Doc();
    setProfile(doc, { id: 'p1', displayName: 'Léa', colour: '#b91c1c' });
    setProfile(doc, { id: 'p1', displayName: 'Léa M.', colour: '#b91c1c' });
    expect(readProfiles(doc).get('p1')!.displayName).toBe('Léa M.');
  });

  it('merges consecutive edits in the activity log and bounds its size', () => {
    const doc = new Y.Doc();
    recordActivity(doc, { at: 1000, by: 'lea', itemId: 'x', action: 'edited' });
    recordActivity(doc, { at: 2000, by: 'lea', itemId: 'x', action: 'edited' });
    recordActivity(doc, { at: 3000, by: 'karim', itemId: 'x', action: 'edited' });
    expect(readActivity(doc).map((a) => [a.by, a.at])).toEqual([
      ['karim', 3000],
      ['lea', 2000],
    ]);
    for (let i = 0; i < 80; i++) recordActivity(doc, { at: 10_000 + i, by: 'x', itemId: `i${i}`, action: 'created' });
    expect(doc.getArray('activity').length).toBe(ACTIVITY_KEEP);
    expect(readActivity(doc, 3).map((a) => a.itemId)).toEqual(['i79', 'i78', 'i77']);
  });

  it('registers ateliers in order and updates their status', () => {
    const doc = new Y.Doc();
    for (const name of ['Média', 'Juridique', 'Formation']) {
      registerAtelier(doc, {
        id: name,
        name,
        description: '',
        colour: '#000000',
        status: 'active',
        createdAt: 1,
        lastActivityAt: 1,
        lastActivityBy: 'me',
      });
    }
    updateAtelier(doc, 'Juridique', { status: 'resting' });
    expect(readAteliers(doc).map((a) => [a.name, a.status])).toEqual([
      ['Média', 'active'],
      ['Juridique', 'resting'],
      ['Formation', 'active'],
    ]);
  });
});
