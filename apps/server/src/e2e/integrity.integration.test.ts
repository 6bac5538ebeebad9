import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeFrame,
  encodeSnapshotHeader,
  ERROR_CODES,
  encodeUpdateHeader,
  FrameKind,
  toHex,
  ZERO_HASH,
  type AckFrame,
  type AuthorClock,
  type UpdateFrame,
} from '@trame/protocol';
import { chainLink, randomBytes, sealContentFrame, snapshotProof } from '@trame/crypto';
import { Role, newDocId, openDocument, type DocumentSession, type SpaceSession } from '@trame/sync';
import {
  collectErrors,
  createSpace,
  e2eScope,
  openDoc,
  openSpace,
  person,
  rogue,
  text,
  waitFor,
  WS,
  type Person,
} from './harness.js';
import { hostileProxy, type HostileProxy } from './hostileProxy.js';

const scope = e2eScope();
const closers = scope.closers;

async function typeWords(s: DocumentSession, words: string[]): Promise<void> {
  const t = s.doc.getText('t');
  for (const w of words) {
    t.insert(t.length, w);
    await s.whenSaved();
  }
}

/** A member's raw connection to the document, and what the relay served it. */
async function attacker(url: string, who: Person, space: SpaceSession, docId: Uint8Array) {
  const r = rogue(url, who.identity, space.spaceId, docId);
  closers.push(() => r.conn.close());
  const ready = await r.ready;
  // The tail as the relay stores it: every author's last clock and its chain link (R25, R50).
  const last = new Map<string, AuthorClock>();
  for (const f of r.frames) {
    if (f.kind !== FrameKind.Update) continue;
    last.set(toHex(f.author), { author: f.author.slice(), clock: f.clock, link: chainLink((f as UpdateFrame).body) });
  }
  const clocks = [...last.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c);
  const acks = (): AckFrame[] => r.frames.filter((f): f is AckFrame => f.kind === FrameKind.Ack);
  return { r, ready, clocks, acks };
}

function snapshotFrame(
  space: SpaceSession,
  who: Person,
  docId: Uint8Array,
  clocks: AuthorClock[],
  plaintext: Uint8Array,
  key: Uint8Array,
): Uint8Array {
  const header = encodeSnapshotHeader({
    spaceId: space.spaceId,
    docId,
    epoch: 0,
    snapshotId: randomBytes(16),
    parentId: new Uint8Array(16),
    height: 1,
    proof: snapshotProof(null),
    author: who.identity.publicKey,
    viewSeq: space.state.seq,
    viewHead: space.state.headHash.slice(0, 8),
    clocks,
  });
  return sealContentFrame(header, key, plaintext, who.identity);
}

describe('INTEGRITY-1: no single frame makes a document unreadable (R53)', () => {
  it('INTEGRITY-1: an editor publishes a snapshot nobody can decrypt; readers fall back to its parent and tail, name the author, and the next writer replaces it', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const mallory = person('Mallory');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(bob.identity.publicKey, Role.Editor);
    await space.addMember(mallory.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const a = openDoc(space, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    await typeWords(a, ['Rendez-vous ', '18h ', 'place de la Mairie. ']);
    const seen = text(a);
    const aliceErrors = collectErrors(a);

    // Mallory: a bad UPDATE in the tail (it decrypts, but is not a Yjs update)…
    const spaceM = await openSpace(relay.url, mallory, space.spaceId);
    closers.push(() => spaceM.close());
    const m = await attacker(relay.url, mallory, spaceM, docId);
    const key = spaceM.state.docKey(0, docId);
    const badUpdate = sealContentFrame(
      encodeUpdateHeader({
        spaceId: space.spaceId,
        docId,
        epoch: 0,
        snapshotId: m.ready.snapshotId,
        author: mallory.identity.publicKey,
        clock: 1,
      }),
      key,
      new Uint8Array([0xff, 0xff, 0xff, 0x01]),
      mallory.identity,
    );
    m.r.conn.send(badUpdate);
    await waitFor(() => m.acks().length === 1, 'relay stores the bad update');
    await waitFor(
      () => aliceErrors.some((e) => e.code === 'UPDATE_UNREADABLE'),
      'the open client skips the bad update',
    );
    expect(aliceErrors.find((e) => e.code === 'UPDATE_UNREADABLE')!.details.author).toBe(
      toHex(mallory.identity.publicKey),
    );

    // …then a snapshot with the right parent, height, proof and clocks, under a key nobody has.
    const clocks = [
      ...m.clocks,
      { author: mallory.identity.publicKey, clock: 1, link: chainLink(badUpdate.subarray(0, badUpdate.length - 64)) },
    ].sort((x, y) => (toHex(x.author) < toHex(y.author) ? -1 : 1));
    a.destroy(); // nobody is online to replace it at once
    const bad = snapshotFrame(spaceM, mallory, docId, clocks, new TextEncoder().encode('garbage'), randomBytes(32));
    const badId = toHex(bad.subarray(38, 54));
    m.r.conn.send(bad);
    await waitFor(
      () => m.acks().some((k) => k.ackedKind === FrameKind.Snapshot),
      'relay acknowledges the bad snapshot',
    );
    // Removing the attacker does not change what is stored.
    await space.removeMember(mallory.identity.publicKey);

    // A fresh reader (no local state) falls back to the parent and the tails, and names Mallory.
    const spaceB = await openSpace(relay.url, bob, space.spaceId);
    closers.push(() => spaceB.close());
    const b = openDoc(spaceB, bob, docId);
    closers.push(() => b.destroy());
    const bobErrors = collectErrors(b);
    await b.whenSynced();
    await waitFor(() => text(b) === seen, 'the fresh reader reads the last good state');
    const unreadable = bobErrors.find((e) => e.code === 'SNAPSHOT_UNREADABLE');
    expect(unreadable?.details.author).toBe(toHex(mallory.identity.publicKey));
    expect(b.status).not.toBe('error');
    // Bob is the next honest writer: he publishes a readable replacement, and keeps writing.
    await waitFor(() => b.engine.snapshotIdHex !== '' && b.engine.snapshotIdHex !== badId, 'a replacement');
    await typeWords(b, ['Apportez des banderoles.']);
    expect(b.status).toBe('saved');

    // Later readers read the replacement without any error.
    const late = openDoc(space, alice, docId, { headStore: person('x').heads });
    closers.push(() => late.destroy());
    const lateErrors = collectErrors(late);
    await late.whenSynced();
    await waitFor(() => text(late) === text(b), 'a late reader reads the replaced document');
    expect(text(late)).toContain('place de la Mairie');
    expect(lateErrors.filter((e) => e.code === 'SNAPSHOT_UNREADABLE')).toEqual([]);
  });

  it('INTEGRITY-1: an open client keeps working after a bad live snapshot and publishes the replacement', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const mallory = person('Mallory');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(mallory.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const a = openDoc(space, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    await typeWords(a, ['Ordre du jour : ', 'banderoles. ']);
    const errors = collectErrors(a);
    const spaceM = await openSpace(relay.url, mallory, space.spaceId);
    closers.push(() => spaceM.close());
    const m = await attacker(relay.url, mallory, spaceM, docId);
    m.r.conn.send(
      snapshotFrame(spaceM, mallory, docId, m.clocks, new TextEncoder().encode('garbage'), randomBytes(32)),
    );
    await waitFor(() => errors.some((e) => e.code === 'SNAPSHOT_UNREADABLE'), 'the open client reports the snapshot');
    expect(errors.find((e) => e.code === 'SNAPSHOT_UNREADABLE')!.details.author).toBe(
      toHex(mallory.identity.publicKey),
    );
    await waitFor(
      () => m.r.frames.some((f) => f.kind === FrameKind.Snapshot),
      'Alice replaces it (forwarded to Mallory)',
    );
    await typeWords(a, ['Trajet validé.']);
    expect(a.status).toBe('saved');
    const late = openDoc(space, alice, docId, { headStore: person('y').heads });
    closers.push(() => late.destroy());
    await late.whenSynced();
    await waitFor(() => text(late) === text(a), 'a late reader reads everything');
  });
});

describe('INTEGRITY-2: content is bound to its author (R52, R54)', () => {
  it("INTEGRITY-2: an editor's UPDATE written under Alice's Yjs client id is refused by every reader", async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const mallory = person('Mallory');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(mallory.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const a = openDoc(space, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    await typeWords(a, ['18h, place de la Mairie.']);
    const errors = collectErrors(a);
    const spaceM = await openSpace(relay.url, mallory, space.spaceId);
    closers.push(() => spaceM.close());
    const m = await attacker(relay.url, mallory, spaceM, docId);
    // Mallory writes under Alice's client id, as if Alice had typed it: new clocks of that id.
    const forged = new Y.Doc();
    forged.clientID = a.doc.clientID;
    const ft = forged.getText('t');
    ft.insert(0, 'x'.repeat(text(a).length));
    const before = Y.encodeStateVector(forged);
    ft.insert(0, 'ANNULÉ — ');
    const update = Y.encodeStateAsUpdate(forged, before);
    m.r.conn.send(
      sealContentFrame(
        encodeUpdateHeader({
          spaceId: space.spaceId,
          docId,
          epoch: 0,
          snapshotId: m.ready.snapshotId,
          author: mallory.identity.publicKey,
          clock: 1,
          prevLink: ZERO_HASH,
        }),
        spaceM.state.docKey(0, docId),
        update,
        mallory.identity,
      ),
    );
    await waitFor(() => errors.some((e) => e.code === 'CLIENT_ID_FORGED'), 'the open client refuses it');
    expect(text(a)).not.toContain('ANNULÉ');
    const late = openDoc(space, alice, docId, { headStore: person('x').heads });
    closers.push(() => late.destroy());
    const lateErrors = collectErrors(late);
    await late.whenSynced();
    await waitFor(() => lateErrors.some((e) => e.code === 'CLIENT_ID_FORGED'), 'a late reader refuses it too');
    expect(text(late)).toBe('18h, place de la Mairie.');
  });

  it("INTEGRITY-2: a snapshot that rewrites Alice's sentence under her client id is refused by clients holding its parent and tail, and replaced", async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const mallory = person('Mallory');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(mallory.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const a = openDoc(space, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    const sentence = '18h, place de la Mairie';
    await typeWords(a, [sentence]);
    const errors = collectErrors(a);
    const spaceM = await openSpace(relay.url, mallory, space.spaceId);
    closers.push(() => spaceM.close());
    const m = await attacker(relay.url, mallory, spaceM, docId);
    // Same client id, same clocks, same length: only the words differ.
    const rewritten = new Y.Doc();
    rewritten.clientID = a.doc.clientID;
    rewritten.getText('t').insert(0, '23h, devant le commissar'.slice(0, sentence.length));
    m.r.conn.send(
      snapshotFrame(spaceM, mallory, docId, m.clocks, Y.encodeStateAsUpdate(rewritten), spaceM.state.docKey(0, docId)),
    );
    await waitFor(() => errors.some((e) => e.code === 'SNAPSHOT_MISMATCH'), 'the open client refuses it');
    expect(errors.find((e) => e.code === 'SNAPSHOT_MISMATCH')!.details.author).toBe(toHex(mallory.identity.publicKey));
    expect(text(a)).toBe(sentence);
    // Alice's replacement is what new readers get: views do not diverge.
    await waitFor(() => m.r.frames.filter((f) => f.kind === FrameKind.Snapshot).length > 0, 'Alice replaces it');
    const late = openDoc(space, alice, docId, { headStore: person('x').heads });
    closers.push(() => late.destroy());
    await late.whenSynced();
    await waitFor(() => text(late) === sentence, 'a late reader reads Alice’s words');
  });
});

/**
 * A relay that hides DURABLE: a websocket proxy in front of the real relay that forwards every
 * frame both ways except DURABLE (kind 0x22). The attacker is the relay operator.
 */
/** A relay whose operator strips every DURABLE notice (R47, R56). */
function durableStrippingProxy(upstream: string): Promise<HostileProxy> {
  return hostileProxy(upstream, {
    toClient: (m, send) => {
      if (m[1] !== FrameKind.Durable) send(m);
    },
  });
}

describe('INTEGRITY-3: seen and durable heads are kept apart (R55, R56)', () => {
  it('INTEGRITY-3: a relay that strips DURABLE and later deletes the last two updates is reported; below durable is refused', async () => {
    const relay = await scope.start();
    const proxy = await durableStrippingProxy(relay.url);
    closers.push(() => proxy.close());
    const alice = person('Alice');
    const bob = person('Bob');
    const carol = person('Carol');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(bob.identity.publicKey, Role.Editor);
    await space.addMember(carol.identity.publicKey, Role.Viewer);
    const docId = newDocId();
    // Bob reads through the lying relay (no DURABLE ever), Carol straight from it.
    const spaceB = await openSpace(relay.url, bob, space.spaceId);
    closers.push(() => spaceB.close());
    const bobDoc = openDocument({
      user: { name: 'Bob', color: '#123456' },
      space: { relayUrl: proxy.url, identity: bob.identity, state: spaceB.state },
      docId,
      headStore: bob.heads,
      WebSocketImpl: WS,
      durableBoundMs: 1500,
    });
    closers.push(() => bobDoc.destroy());
    const bobErrors = collectErrors(bobDoc);
    const spaceC = await openSpace(relay.url, carol, space.spaceId);
    closers.push(() => spaceC.close());
    const c = openDoc(spaceC, carol, docId);
    closers.push(() => c.destroy());
    const carolErrors = collectErrors(c);
    await Promise.all([bobDoc.whenSynced(), c.whenSynced()]);
    const a = openDoc(space, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    await typeWords(a, ['un ', 'deux ', 'trois ', 'quatre ', 'cinq']);
    await waitFor(() => text(bobDoc) === text(a) && text(c) === text(a), 'both readers see five words');
    await waitFor(
      () => bobErrors.some((e) => e.code === 'DURABLE_MISSING'),
      'no DURABLE while updates flow is reported',
    );
    expect(carolErrors.some((e) => e.code === 'DURABLE_MISSING')).toBe(false);
    // Give Carol's DURABLE time to arrive, then the relay loses (or hides) the last two updates.
    await new Promise((r) => setTimeout(r, 300));
    a.destroy();
    await relay.stop();
    const db = new Database(join(relay.dataDir, 'trame.sqlite'));
    const rows = db.prepare('SELECT id FROM updates ORDER BY id').all() as Array<{ id: number }>;
    for (const row of rows.slice(-2)) db.prepare('DELETE FROM updates WHERE id = ?').run(row.id);
    db.close();
    bobDoc.destroy();
    c.destroy();
    await relay.restart();
    // New sessions of the same people (their heads are remembered) load the shortened tail.
    const bobAgain = openDocument({
      user: { name: 'Bob', color: '#123456' },
      space: { relayUrl: proxy.url, identity: bob.identity, state: spaceB.state },
      docId,
      headStore: bob.heads,
      WebSocketImpl: WS,
    });
    closers.push(() => bobAgain.destroy());
    const bobAgainErrors = collectErrors(bobAgain);
    // Bob saw them but never durably: a warning, and he goes on with what is served.
    await waitFor(() => bobAgainErrors.some((e) => e.code === 'ROLLBACK_SUSPECTED'), 'less than seen is reported');
    await bobAgain.whenSynced();
    expect(bobAgain.status).not.toBe('error');
    // Carol had them durably: refused.
    const carolAgain = openDoc(spaceC, carol, docId);
    closers.push(() => carolAgain.destroy());
    const carolAgainErrors = collectErrors(carolAgain);
    await waitFor(() => carolAgainErrors.some((e) => e.code === 'ROLLBACK_DETECTED'), 'less than durable is refused');
    expect(carolAgain.status).toBe('error');
  });
});

describe('INTEGRITY-4: one signature covers a chain of updates (R50, R51)', () => {
  it('INTEGRITY-4: a relay colluding with a member replaces an unsigned update of Alice; readers catch it at her next signature and skip it', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const mallory = person('Mallory');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(mallory.identity.publicKey, Role.Editor);
    const docId = newDocId();
    // One signature per 4 updates, so that a forged unsigned one sits between two signed ones.
    const a = openDoc(space, alice, docId, { signaturePolicy: { everyFrames: 4, everyMs: 60_000 } });
    closers.push(() => a.destroy());
    await a.whenSynced();
    await typeWords(a, ['Rendez-vous ', 'à ', '18h ', 'place ', 'de ', 'la ', 'Mairie.']);
    const written = text(a);
    a.destroy();
    await relay.stop();
    const db = new Database(join(relay.dataDir, 'trame.sqlite'));
    const rows = db.prepare('SELECT id, frame FROM updates ORDER BY id').all() as Array<{
      id: number;
      frame: Uint8Array;
    }>;
    const frames = rows.map((r) => decodeFrame(new Uint8Array(r.frame)) as UpdateFrame);
    expect(frames.map((f) => f.signed)).toEqual([true, false, false, false, true, false, false]);
    // Mallory (who holds the document key) writes an update under Alice's name with the right
    // clock and prevLink, unsigned; the relay puts it in place of Alice's third update.
    const forgedDoc = new Y.Doc();
    forgedDoc.getText('t').insert(0, 'ANNULÉ ');
    const third = frames[2]!;
    const forged = sealContentFrame(
      encodeUpdateHeader({
        spaceId: space.spaceId,
        docId,
        epoch: 0,
        snapshotId: third.snapshotId,
        author: alice.identity.publicKey,
        clock: 3,
        prevLink: third.prevLink,
        signed: false,
      }),
      space.state.docKey(0, docId),
      Y.encodeStateAsUpdate(forgedDoc),
      mallory.identity,
    );
    db.prepare('UPDATE updates SET frame = ? WHERE id = ?').run(Buffer.from(forged), rows[2]!.id);
    db.close();
    await relay.restart();
    const reader = openDoc(space, alice, docId, { headStore: person('x').heads });
    closers.push(() => reader.destroy());
    const errors = collectErrors(reader);
    await reader.whenSynced();
    await waitFor(() => errors.some((e) => e.code === 'CHAIN_BROKEN'), 'the broken chain is reported');
    expect(errors.find((e) => e.code === 'CHAIN_BROKEN')!.details.author).toBe(toHex(alice.identity.publicKey));
    expect(text(reader)).not.toContain('ANNULÉ');
    // Only what the signature could not vouch for is left out; what is shown is Alice's text.
    expect(text(reader).startsWith('Rendez-vous')).toBe(true);
    expect(written.startsWith(text(reader))).toBe(true);
  });
  it("INTEGRITY-4: the relay refuses an UPDATE that does not chain to its author's stored one, and a snapshot listing another link (R80, R81)", async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const mallory = person('Mallory');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(mallory.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const a = openDoc(space, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    await typeWords(a, ['Tract ', 'à ', 'imprimer.']);
    const key = space.state.docKey(space.state.epoch, docId);
    const { r, ready, clocks } = await attacker(relay.url, mallory, space, docId);
    const answers = (): Array<{ kind: number; code?: number }> =>
      r.frames.filter((f) => f.kind === FrameKind.Ack || f.kind === FrameKind.Error) as Array<{
        kind: number;
        code?: number;
      }>;
    const update = (clock: number, prevLink: Uint8Array): Uint8Array => {
      const d = new Y.Doc();
      d.getText('t').insert(0, `m${clock} `);
      return sealContentFrame(
        encodeUpdateHeader({
          spaceId: space.spaceId,
          docId,
          epoch: space.state.epoch,
          snapshotId: ready.snapshotId,
          author: mallory.identity.publicKey,
          clock,
          prevLink,
        }),
        key,
        Y.encodeStateAsUpdate(d),
        mallory.identity,
      );
    };
    const first = update(1, ZERO_HASH);
    r.conn.send(first);
    await waitFor(() => answers().length === 1, 'first answer');
    expect(answers()[0]!.kind).toBe(FrameKind.Ack);
    // Her second update names a link that is not her stored first one: refused, nothing stored.
    r.conn.send(update(2, randomBytes(32)));
    await waitFor(() => answers().length === 2, 'second answer');
    expect(answers()[1]!.code).toBe(ERROR_CODES.CHAIN_MISMATCH);
    const firstLink = chainLink((decodeFrame(first) as UpdateFrame).body);
    const second = update(2, firstLink);
    r.conn.send(second);
    await waitFor(() => answers().length === 3, 'third answer');
    expect(answers()[2]!.kind).toBe(FrameKind.Ack);
    // A snapshot that lists Alice's last clock with another link is refused too.
    const mine: AuthorClock = {
      author: mallory.identity.publicKey,
      clock: 2,
      link: chainLink((decodeFrame(second) as UpdateFrame).body),
    };
    const forgedLinks = [...clocks.map((c) => ({ ...c, link: randomBytes(32) })), mine].sort((x, y) =>
      toHex(x.author) < toHex(y.author) ? -1 : 1,
    );
    r.conn.send(snapshotFrame(space, mallory, docId, forgedLinks, Y.encodeStateAsUpdate(a.doc), key));
    await waitFor(() => answers().length === 4, 'snapshot answer');
    expect(answers()[3]!.code).toBe(ERROR_CODES.CHAIN_MISMATCH);
    // Readers see one unbroken chain per author.
    const reader = openDoc(space, alice, docId, { headStore: person('x').heads });
    closers.push(() => reader.destroy());
    const errors = collectErrors(reader);
    await reader.whenSynced();
    await waitFor(() => text(reader).includes('m2'), 'the reader has both of her updates');
    expect(text(reader)).toContain('imprimer.');
    expect(errors.map((e) => e.code)).toEqual([]);
  });
});
