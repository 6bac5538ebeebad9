import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshotExtends } from './snapshotExtends.js';

const alice = 'aa'.repeat(32);
const mallory = 'bb'.repeat(32);

function docOf(clientId: number, s: string): Y.Doc {
  const d = new Y.Doc();
  d.clientID = clientId;
  d.getText('t').insert(0, s);
  return d;
}

function copy(d: Y.Doc): Y.Doc {
  const c = new Y.Doc();
  Y.applyUpdate(c, Y.encodeStateAsUpdate(d));
  return c;
}

describe('snapshotExtends', () => {
  it("R54: the author's own unsent edits and deletions may be in its snapshot", () => {
    const held = docOf(1, '18h, place de la Mairie');
    const snap = copy(held);
    snap.clientID = 2;
    snap.getText('t').delete(0, 4);
    snap.getText('t').insert(0, 'Demain ');
    const owners = new Map([
      [1, alice],
      [2, mallory],
    ]);
    expect(snapshotExtends(copy(held), copy(snap), mallory, owners)).toBe(true);
  });

  it("R54: rewriting another author's atoms, or adding structs under their client id, is refused", () => {
    const held = docOf(1, '18h, place de la Mairie');
    const rewritten = docOf(1, '23h, devant le commissa');
    const owners = new Map([[1, alice]]);
    expect(snapshotExtends(copy(held), copy(rewritten), mallory, owners)).toBe(false);
    const more = copy(held);
    more.clientID = 1;
    more.getText('t').insert(0, 'ANNULÉ ');
    expect(snapshotExtends(copy(held), copy(more), mallory, owners)).toBe(false);
  });
});
