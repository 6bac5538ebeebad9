import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AUTHORS_ROOT } from './AUTHORS_ROOT.js';
import { readClientAuthors } from './readClientAuthors.js';

const ALICE = 'a'.repeat(64);
const BOB = 'b'.repeat(64);

function peer(clientID: number): Y.Doc {
  const d = new Y.Doc();
  d.clientID = clientID;
  return d;
}

const sync = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));

describe('readClientAuthors', () => {
  it('R115: reads each client id’s own claim', () => {
    const a = peer(11);
    const b = peer(22);
    a.getMap(AUTHORS_ROOT).set('11', ALICE);
    b.getMap(AUTHORS_ROOT).set('22', BOB);
    sync(a, b);
    sync(b, a);
    expect(readClientAuthors(a)).toEqual(new Map([[11, ALICE], [22, BOB]]));
  });

  it('R115: a claim written under another client id does not count (Bob cannot say client 11 is him)', () => {
    const a = peer(11);
    const b = peer(22);
    b.getMap(AUTHORS_ROOT).set('22', BOB);
    b.getMap(AUTHORS_ROOT).set('11', BOB); // forged: written by client 22 about client 11
    b.getMap(AUTHORS_ROOT).set('33', ALICE); // forged: about a client id nobody claimed
    sync(b, a);
    expect(readClientAuthors(a)).toEqual(new Map([[22, BOB]]));
  });

  it('R115: ignores keys that are not client ids and values that are not person ids', () => {
    const a = peer(11);
    a.getMap(AUTHORS_ROOT).set('011', ALICE);
    a.getMap(AUTHORS_ROOT).set('11', 'alice');
    expect(readClientAuthors(a).size).toBe(0);
  });
});
