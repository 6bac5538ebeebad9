import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AUTHORS_ROOT } from './AUTHORS_ROOT.js';
import { claimAuthorship } from './claimAuthorship.js';
import { readClientAuthors } from './readClientAuthors.js';
import { signedBy } from '../testing/signedBy.js';

const ALICE = 'a'.repeat(64);
const BOB = 'b'.repeat(64);

describe('claimAuthorship', () => {
  it('HISTORY-2: the first local edit claims the client id, once', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const stop = claimAuthorship(doc, ALICE);
    expect(doc.getMap(AUTHORS_ROOT).size).toBe(0);
    doc.getText('t').insert(0, 'Bonjour');
    expect(readClientAuthors(doc, signedBy([doc, ALICE])).authors).toEqual(new Map([[doc.clientID, ALICE]]));
    const n = updates.length;
    doc.getText('t').insert(7, ' à tous');
    expect(updates.length).toBe(n + 1); // no second claim
    stop();
  });

  it('HISTORY-2: remote updates, deletions alone and edits after stop claim nothing', () => {
    const bob = new Y.Doc();
    bob.getText('t').insert(0, 'Texte de Bob');
    const doc = new Y.Doc();
    const stop = claimAuthorship(doc, ALICE);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(bob));
    doc.getText('t').delete(0, 6);
    expect(doc.getMap(AUTHORS_ROOT).size).toBe(0);
    stop();
    doc.getText('t').insert(0, 'x');
    expect(doc.getMap(AUTHORS_ROOT).size).toBe(0);
  });

  it('HISTORY-2: the claim travels with the edit to the other members', () => {
    const alice = new Y.Doc();
    claimAuthorship(alice, ALICE);
    const bob = new Y.Doc();
    claimAuthorship(bob, BOB);
    alice.getText('t').insert(0, 'A');
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    bob.getText('t').insert(1, 'B');
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    expect(readClientAuthors(alice, signedBy([alice, ALICE], [bob, BOB])).authors).toEqual(
      new Map([
        [alice.clientID, ALICE],
        [bob.clientID, BOB],
      ]),
    );
  });
});
