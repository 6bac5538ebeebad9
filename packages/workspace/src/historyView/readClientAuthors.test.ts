import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AUTHORS_ROOT } from './AUTHORS_ROOT.js';
import { readClientAuthors } from './readClientAuthors.js';
import { signedBy } from '../testing/signedBy.js';

const ALICE = 'a'.repeat(64);
const BOB = 'b'.repeat(64);
const ALICE_PHONE = 'c'.repeat(64);

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
    expect(readClientAuthors(a, signedBy([a, ALICE], [b, BOB]))).toEqual({
      authors: new Map([
        [11, ALICE],
        [22, BOB],
      ]),
      forged: [],
    });
  });

  it('R115: a claim written under another client id does not count (Bob cannot say client 11 is him)', () => {
    const a = peer(11);
    const b = peer(22);
    b.getMap(AUTHORS_ROOT).set('22', BOB);
    b.getMap(AUTHORS_ROOT).set('11', BOB); // forged: written by client 22 about client 11
    b.getMap(AUTHORS_ROOT).set('33', ALICE); // forged: about a client id nobody claimed
    sync(b, a);
    expect(readClientAuthors(a, signedBy([a, ALICE], [b, BOB])).authors).toEqual(new Map([[22, BOB]]));
  });

  it('R115: ignores keys that are not client ids and values that are not person ids', () => {
    const a = peer(11);
    a.getMap(AUTHORS_ROOT).set('011', ALICE);
    a.getMap(AUTHORS_ROOT).set('11', 'alice');
    expect(readClientAuthors(a, signedBy([a, ALICE])).authors.size).toBe(0);
  });

  it('R116: Bob claiming Alice for his own client id does not count and is reported (AUTHOR_CLAIM_FORGED)', () => {
    const a = peer(11);
    const b = peer(22);
    a.getMap(AUTHORS_ROOT).set('11', ALICE);
    b.getMap(AUTHORS_ROOT).set('22', ALICE); // a modified app: Bob's own client id, Alice's person
    b.getText('t').insert(0, 'vandalisme');
    sync(b, a);
    const { authors, forged } = readClientAuthors(a, signedBy([a, ALICE], [b, BOB]));
    expect(authors).toEqual(new Map([[11, ALICE]]));
    expect(forged.map((e) => [e.code, e.details.clientId, e.details.author, e.details.claimed])).toEqual([
      ['AUTHOR_CLAIM_FORGED', 22, BOB, ALICE],
    ]);
  });

  it('R116: a claim of a client id no verified frame carried counts for nobody, unreported', () => {
    const a = peer(11);
    a.getMap(AUTHORS_ROOT).set('11', ALICE);
    expect(readClientAuthors(a, signedBy())).toEqual({ authors: new Map(), forged: [] });
  });

  it('R116: a linked device’s claim for its person counts (R97)', () => {
    const phone = peer(33);
    phone.getMap(AUTHORS_ROOT).set('33', ALICE);
    const who = { owners: new Map([[33, ALICE_PHONE]]), personOf: (k: string) => (k === ALICE_PHONE ? ALICE : k) };
    expect(readClientAuthors(phone, who)).toEqual({ authors: new Map([[33, ALICE]]), forged: [] });
  });
});
