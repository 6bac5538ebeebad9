import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toHex } from '@trame/protocol';
import {
  EncryptedCache,
  generateIdentity,
  MemoryCache,
  newDocId,
  Role,
  SpaceSession,
  type DocumentSession,
} from '@trame/sync';
import { AUTHORS_ROOT, claimAuthorship, DOCUMENT_FIELD } from '@trame/workspace';
import { blockText, documentAuthorship, readClientAuthors, type ClientAuthors } from '@trame/workspace/history-view';
import { createSpace, e2eScope, openDoc, openSpace, person, waitFor, WS } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

/** Appends a paragraph to the document as the editor would (TipTap's Y.XmlFragment). */
function writeParagraph(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [p]);
}

/** What a reader's history panel computes: the claims that count, against the document's signers. */
function authorsSeenBy(session: DocumentSession, space: SpaceSession): ClientAuthors {
  return readClientAuthors(session.doc, { owners: session.clientOwners(), personOf: (k) => space.personOf(k) });
}

/** Each paragraph's text with the authors of its runs. */
function byParagraph(session: DocumentSession, authors: ClientAuthors): Array<[string, Array<string | null>]> {
  return documentAuthorship(session.doc, authors.authors).map((b) => [blockText(b), b.spans.map((s) => s.author)]);
}

describe('HISTORY-2: author colours checked against the frames’ signers (R116)', () => {
  it('HISTORY-2: Bob (writer) claims Alice’s person for his own Yjs client id; Alice’s client shows his text without author and reports AUTHOR_CLAIM_FORGED, also after reopening the document from her cache once it was compacted', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const ALICE = toHex(alice.identity.publicKey);
    const BOB = toHex(bob.identity.publicKey);
    const spaceA = await createSpace(relay.url, alice);
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(relay.url, bob, spaceA.spaceId);
    closers.push(() => spaceB.close());
    const docId = newDocId();
    const cache = new EncryptedCache(new MemoryCache(), randomBytes(32));
    const a = openDoc(spaceA, alice, docId, { cache });
    // Bob's client compacts early, so that a reader who loads afresh gets his text in a snapshot.
    const b = openDoc(spaceB, bob, docId, { compaction: { afterUpdates: 3, afterBytes: 1 << 30 } });
    closers.push(() => b.destroy());
    await Promise.all([a.whenSynced(), b.whenSynced()]);

    claimAuthorship(a.doc, ALICE);
    writeParagraph(a.doc, 'Appel à la manifestation de samedi.');
    await waitFor(() => b.doc.getXmlFragment(DOCUMENT_FIELD).length === 1, 'Alice’s paragraph at Bob’s');
    // Bob's modified app: his own client id, Alice's person id, then text Alice never wrote.
    b.doc.getMap(AUTHORS_ROOT).set(String(b.doc.clientID), ALICE);
    writeParagraph(b.doc, 'La manifestation est annulée.');
    for (let i = 0; i < 4; i++) writeParagraph(b.doc, `Vandalisme ${i}.`);
    await waitFor(() => a.doc.getXmlFragment(DOCUMENT_FIELD).length === 6, 'Bob’s paragraphs at Alice’s');
    await b.whenSaved();

    // The claim is there, written under Bob's own client id (R115 alone would accept it)...
    expect(a.doc.getMap(AUTHORS_ROOT).get(String(b.doc.clientID))).toBe(ALICE);
    expect(a.clientOwners().get(b.doc.clientID)).toBe(BOB);
    // ...and R116 refuses it: his text has no author, hers is hers, and the forgery is named.
    const seen = authorsSeenBy(a, spaceA);
    expect(seen.authors.get(a.doc.clientID)).toBe(ALICE);
    expect(seen.authors.has(b.doc.clientID)).toBe(false);
    expect(seen.forged.map((e) => [e.code, e.number, e.details.author, e.details.claimed])).toEqual([
      ['AUTHOR_CLAIM_FORGED', 6050, BOB, ALICE],
    ]);
    const paragraphs = byParagraph(a, seen);
    expect(paragraphs[0]).toEqual(['Appel à la manifestation de samedi.', [ALICE]]);
    expect(paragraphs[1]).toEqual(['La manifestation est annulée.', [null]]);
    for (const [, authors] of paragraphs.slice(1)) expect(authors).not.toContain(ALICE);

    // Reopened from her device cache after Bob's snapshot: the bindings she verified come back.
    await a.saveNow();
    a.destroy();
    const again = openDoc(spaceA, alice, docId, { cache });
    closers.push(() => again.destroy());
    await again.whenSynced();
    await waitFor(() => again.doc.getXmlFragment(DOCUMENT_FIELD).length === 6, 'the document reopened');
    const reopened = authorsSeenBy(again, spaceA);
    expect(byParagraph(again, reopened).map(([, w]) => w)).toEqual([[ALICE], [null], [null], [null], [null], [null]]);
    expect(reopened.forged).toHaveLength(1);

    // A device with no cache of this document loads Bob's snapshot: no client id in it has a
    // verified signer, so nothing is attributed (never a guess), least of all to Alice.
    const fresh = openDoc(spaceA, alice, docId);
    closers.push(() => fresh.destroy());
    await fresh.whenSynced();
    await waitFor(() => fresh.doc.getXmlFragment(DOCUMENT_FIELD).length === 6, 'the document on a fresh device');
    const unverified = authorsSeenBy(fresh, spaceA);
    expect(unverified.authors.has(b.doc.clientID)).toBe(false);
    for (const [, authors] of byParagraph(fresh, unverified).slice(1)) expect(authors).not.toContain(ALICE);
  });

  it('HISTORY-2: a claim written on Alice’s linked phone names Alice’s person and counts for her at Bob’s (R97, R116)', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const phone = generateIdentity();
    const ALICE = toHex(alice.identity.publicKey);
    const BOB = toHex(bob.identity.publicKey);
    const spaceB = await createSpace(relay.url, bob);
    closers.push(() => spaceB.close());
    await spaceB.addMember(alice.identity.publicKey, Role.Editor);
    const laptop = await openSpace(relay.url, alice, spaceB.spaceId);
    closers.push(() => laptop.close());
    await laptop.addDevice(phone.publicKey);
    const phoneSpace = await SpaceSession.open({
      relayUrl: relay.url,
      identity: phone,
      spaceId: spaceB.spaceId,
      WebSocketImpl: WS,
    });
    closers.push(() => phoneSpace.close());
    await waitFor(() => spaceB.personOf(toHex(phone.publicKey)) === ALICE, 'the phone in Bob’s log');
    const docId = newDocId();
    const b = openDoc(spaceB, bob, docId);
    const p = openDoc(phoneSpace, alice, docId);
    closers.push(
      () => b.destroy(),
      () => p.destroy(),
    );
    await Promise.all([b.whenSynced(), p.whenSynced()]);

    claimAuthorship(b.doc, BOB);
    writeParagraph(b.doc, 'Ordre du jour.');
    claimAuthorship(p.doc, ALICE);
    await waitFor(() => p.doc.getXmlFragment(DOCUMENT_FIELD).length === 1, 'Bob’s paragraph on the phone');
    writeParagraph(p.doc, 'Écrit dans le train.');
    await waitFor(() => b.doc.getXmlFragment(DOCUMENT_FIELD).length === 2, 'the phone’s paragraph at Bob’s');

    expect(b.clientOwners().get(p.doc.clientID)).toBe(toHex(phone.publicKey));
    const seen = authorsSeenBy(b, spaceB);
    expect(seen.forged).toEqual([]);
    expect(byParagraph(b, seen)).toEqual([
      ['Ordre du jour.', [BOB]],
      ['Écrit dans le train.', [ALICE]],
    ]);
  });
});
