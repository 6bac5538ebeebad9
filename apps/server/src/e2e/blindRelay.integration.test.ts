import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Role, newDocId, toHex } from '@trame/sync';
import { createSpace, openDoc, openSpace, person, text, waitFor, e2eScope } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

// Planted plaintext: document text, a title, a display name (issue test 2).
const CANARY_TEXT = 'canari-texte-7f3a Manifestation samedi place de la Comédie';
const CANARY_TITLE = 'canari-titre-91bd Défense juridique des manifestants';
const CANARY_NAME = 'canari-nom-Émilie Dubois';

function haystacks(dir: string): Array<{ file: string; bytes: Buffer }> {
  return readdirSync(dir).map((f) => ({ file: f, bytes: readFileSync(join(dir, f)) }));
}

describe('the relay learns nothing (issue test 2)', () => {
  it('stores and logs none of the text, titles or display names', async () => {
    const relay = await scope.start();
    const alice = person(CANARY_NAME);
    const bob = person('Bob');
    const spaceA = await createSpace(relay.url, alice);
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(relay.url, bob, spaceA.spaceId);
    closers.push(() => spaceB.close());
    const docId = newDocId();
    // A low compaction bound so that snapshots are stored too, not only updates.
    const a = openDoc(spaceA, alice, docId, { compaction: { afterUpdates: 5, afterBytes: 1 << 20 } });
    const b = openDoc(spaceB, bob, docId);
    closers.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    a.doc.getMap('meta').set('title', CANARY_TITLE);
    for (const word of CANARY_TEXT.split(' ')) {
      a.doc.getText('t').insert(a.doc.getText('t').length, `${word} `);
      await a.whenSaved();
    }
    a.awareness.setLocalStateField('cursor', { anchor: 3 });
    await waitFor(
      () => text(b).includes('Comédie') && b.doc.getMap('meta').get('title') === CANARY_TITLE,
      'Bob sees the text and title',
    );
    await waitFor(
      () =>
        [...b.awareness.getStates().values()].some(
          (st) => (st as { user?: { name?: string } }).user?.name === CANARY_NAME,
        ),
      "Bob sees Alice's name",
    );
    await Promise.all([a.whenSaved(), b.whenSaved()]);
    await relay.stop(); // checkpoint the WAL and flush the log
    const files = haystacks(relay.dataDir);
    const db = files.find((f) => f.file === 'trame.sqlite');
    const log = files.find((f) => f.file === 'relay.log');
    // The scan is meaningful: the database holds this document's frames, the log mentions it.
    expect(db && db.bytes.length).toBeGreaterThan(8192);
    expect(log!.bytes.toString('utf8')).toContain(toHex(docId));
    for (const canary of [CANARY_TEXT, CANARY_TITLE, CANARY_NAME]) {
      for (const probe of [canary, canary.slice(0, 17), canary.split(' ').slice(1, 3).join(' ')]) {
        for (const { file, bytes } of files) {
          expect(bytes.indexOf(Buffer.from(probe, 'utf8')), `${probe} in ${file}`).toBe(-1);
          expect(bytes.indexOf(Buffer.from(probe, 'utf16le')), `${probe} (UTF-16) in ${file}`).toBe(-1);
        }
      }
    }
  });
});
