import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction } from '../minutes/addAction.js';
import { addAgendaItem } from '../minutes/addAgendaItem.js';
import { addDecision } from '../minutes/addDecision.js';
import { agendaDiscussion } from '../minutes/agendaDiscussion.js';
import { initMinutes } from '../minutes/initMinutes.js';
import { setAttendance } from '../minutes/setAttendance.js';
import { updateAction } from '../minutes/updateAction.js';
import { blockText } from './blockText.js';
import { claimAuthorship } from './claimAuthorship.js';
import { minutesAuthorship } from './minutesAuthorship.js';
import { readClientAuthors } from './readClientAuthors.js';
import { signedBy } from '../testing/signedBy.js';

const ALICE = 'a'.repeat(64);
const BOB = 'b'.repeat(64);
const sync = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));

describe('minutesAuthorship', () => {
  it('HISTORY-2: minutes read as their compte rendu, each field and each run of discussion by its writer', () => {
    const alice = new Y.Doc();
    claimAuthorship(alice, ALICE);
    initMinutes(alice, { title: 'AG du 3 décembre', date: '2026-12-03', place: 'Salle des fêtes' });
    const item = addAgendaItem(alice, 'Manifestation');
    setAttendance(alice, { key: 'k1', name: 'Alice' }, 'present');
    agendaDiscussion(alice, item)!.insert(0, 'On part à 10 h.');
    const bob = new Y.Doc();
    claimAuthorship(bob, BOB);
    sync(alice, bob);
    setAttendance(bob, { key: 'k2', name: 'Bob' }, 'present');
    agendaDiscussion(bob, item)!.insert(15, '\nBanderoles prêtes.');
    addDecision(bob, item, { text: 'Manif samedi', now: 1 });
    const action = addAction(bob, item, { text: 'Déclarer en préfecture', who: 'Bob' })!;
    sync(bob, alice);
    updateAction(alice, item, action, { done: true });

    const blocks = minutesAuthorship(
      alice,
      'fr',
      readClientAuthors(alice, signedBy([alice, ALICE], [bob, BOB])).authors,
    );
    expect(blocks.map((b) => [b.kind, blockText(b)])).toEqual([
      ['heading', 'AG du 3 décembre'],
      ['paragraph', 'Date : 2026-12-03'],
      ['paragraph', 'Lieu : Salle des fêtes'],
      ['paragraph', 'Présent·es (2) : Alice, Bob'],
      ['heading', '1. Manifestation'],
      ['paragraph', 'On part à 10 h.'],
      ['paragraph', 'Banderoles prêtes.'],
      ['heading', 'Décisions'],
      ['bullet', 'Manif samedi'],
      ['heading', 'Actions'],
      ['task', 'Déclarer en préfecture (qui : Bob)'],
    ]);
    const by = (i: number): Array<[string, string | null]> => blocks[i]!.spans.map((s) => [s.text, s.author]);
    expect(by(0)).toEqual([['AG du 3 décembre', ALICE]]);
    expect(by(3)).toEqual([
      ['Présent·es (2) : ', null],
      ['Alice', ALICE],
      [', ', null],
      ['Bob', BOB],
    ]);
    expect(by(5)).toEqual([['On part à 10 h.', ALICE]]);
    expect(by(6)).toEqual([['Banderoles prêtes.', BOB]]);
    expect(by(8)).toEqual([['Manif samedi', BOB]]);
    // Alice ticked the action: the action (one value) is now hers
    expect(blocks[10]).toMatchObject({ checked: true, spans: [{ author: ALICE }, { author: ALICE }] });
  });
});
