import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  encodeContentBody,
  encodeUpdateHeader,
  FrameKind,
  toHex,
  UPDATE_HEADER_BYTES,
  type EphemeralFrame,
  type UpdateFrame,
} from '@trame/protocol';
import { randomBytes, sealContentFrame } from '@trame/crypto';
import { Role, newDocId, openDocument, type DocumentSession } from '@trame/sync';
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
} from './harness.js';
import { hostileProxy } from './hostileProxy.js';

const scope = e2eScope();
const closers = scope.closers;

async function typeWords(s: DocumentSession, words: string[]): Promise<void> {
  const t = s.doc.getText('t');
  for (const w of words) {
    t.insert(t.length, w);
    await s.whenSaved();
  }
}

/** The same UPDATE with its ciphertext changed: its signature no longer verifies. */
function forgedSigned(f: UpdateFrame): Uint8Array {
  const raw = f.raw.slice();
  raw[UPDATE_HEADER_BYTES + 30] = raw[UPDATE_HEADER_BYTES + 30]! ^ 0xff;
  return raw;
}

/** The same header (clock, prevLink) marked unsigned, with a ciphertext of the relay's making (R51). */
function forgedUnsigned(f: UpdateFrame): Uint8Array {
  const header = f.header.slice();
  header[UPDATE_HEADER_BYTES - 1] = 0;
  return encodeContentBody(header, randomBytes(24), randomBytes(f.ciphertext.length));
}

describe('MEMBERSHIP-9: smaller points (R16, R57, R58)', () => {
  it("MEMBERSHIP-9: a relay that forges an author's next clock cannot get the genuine update dropped as a replay (R57)", async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(bob.identity.publicKey, Role.Editor);
    const aliceHex = toHex(alice.identity.publicKey);
    // Before each of Alice's updates, the relay slips Bob a forgery with the same clock and prevLink:
    // signed with a broken signature for odd clocks, unsigned and undecryptable for even ones.
    let forged = 0;
    const proxy = await hostileProxy(relay.url, {
      toClient: (m, send) => {
        const f = decodeFrame(m);
        if (f.kind === FrameKind.Update && toHex(f.author) === aliceHex) {
          send(f.clock % 2 === 1 ? forgedSigned(f) : forgedUnsigned(f));
          forged++;
        }
        send(m);
      },
    });
    closers.push(() => void proxy.close());
    const spaceB = await openSpace(relay.url, bob, space.spaceId);
    closers.push(() => spaceB.close());
    const docId = newDocId();
    const b = openDocument({
      user: { name: 'Bob', color: '#123456' },
      space: { relayUrl: proxy.url, identity: bob.identity, state: spaceB.state },
      docId,
      headStore: bob.heads,
      WebSocketImpl: WS,
    });
    closers.push(() => b.destroy());
    const errors = collectErrors(b);
    await b.whenSynced();
    const a = openDoc(space, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    await typeWords(a, ['Rendez-vous ', 'à ', '18h ', 'devant ', 'la ', 'mairie.']);
    await waitFor(() => text(b) === text(a), "Bob applies every genuine update of Alice's");
    expect(forged).toBeGreaterThanOrEqual(6);
    expect(errors.some((e) => e.code === 'SIGNATURE_INVALID')).toBe(true);
    expect(errors.some((e) => e.code === 'DECRYPT_FAILED')).toBe(true);
    expect(errors.filter((e) => e.code === 'REPLAY_DETECTED' || e.code === 'MISSING_UPDATES')).toEqual([]);
    // Nothing was lost: Bob's own edit still goes through, and a reload converges.
    await typeWords(b, [' (Bob)']);
    await waitFor(() => text(a) === text(b), 'Bob writes after the forgeries');
    expect(b.status).toBe('saved');
  });

  it("MEMBERSHIP-9: a member's stored frame that does not verify still counts once reloaded: compaction goes on (R57, R25)", async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const mallory = person('Mallory');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(mallory.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const a = openDoc(space, alice, docId, { compaction: { afterUpdates: 4, afterBytes: 1 << 20 } });
    closers.push(() => a.destroy());
    const errors = collectErrors(a);
    await a.whenSynced();
    await typeWords(a, ['Ordre ']);
    // Mallory's own client sends an update whose signature is broken; the relay stores it (R12).
    const m = rogue(relay.url, mallory.identity, space.spaceId, docId);
    closers.push(() => m.conn.close());
    const ready = await m.ready;
    const header = encodeUpdateHeader({
      spaceId: space.spaceId,
      docId,
      epoch: space.state.epoch,
      snapshotId: ready.snapshotId,
      author: mallory.identity.publicKey,
      clock: 1,
    });
    const frame = sealContentFrame(
      header,
      space.state.docKey(space.state.epoch, docId),
      new Uint8Array([0, 0]),
      mallory.identity,
    );
    frame[frame.length - 1] = frame[frame.length - 1]! ^ 0xff;
    m.conn.send(frame);
    await waitFor(() => errors.some((e) => e.code === 'SIGNATURE_INVALID'), 'Alice refuses it live');
    // Alice keeps writing past the compaction bound: her snapshot must list Mallory's stored clock.
    await typeWords(a, ['du ', 'jour ', ': ', 'tracts, ', 'banderole, ', 'cortège.']);
    await waitFor(() => a.engine.snapshotIdHex !== '', 'a snapshot is accepted', 20_000);
    expect(text(a)).toBe('Ordre du jour : tracts, banderole, cortège.');
  });

  it('MEMBERSHIP-9: an awareness frame the relay serves again, or an older one, is dropped (R58)', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const space = await createSpace(relay.url, alice);
    closers.push(() => space.close());
    await space.addMember(bob.identity.publicKey, Role.Viewer);
    const aliceHex = toHex(alice.identity.publicKey);
    // The relay keeps Alice's first awareness frame and serves it again after each later one.
    let first: Uint8Array | null = null;
    const proxy = await hostileProxy(relay.url, {
      toClient: (m, send) => {
        send(m);
        const f = decodeFrame(m);
        if (f.kind !== FrameKind.Ephemeral || toHex((f as EphemeralFrame).author) !== aliceHex) return;
        if (!first) first = m.slice();
        else send(first);
        send(m);
      },
    });
    closers.push(() => void proxy.close());
    const spaceB = await openSpace(relay.url, bob, space.spaceId);
    closers.push(() => spaceB.close());
    const docId = newDocId();
    const b = openDocument({
      user: { name: 'Bob', color: '#123456' },
      space: { relayUrl: proxy.url, identity: bob.identity, state: spaceB.state },
      docId,
      headStore: bob.heads,
      WebSocketImpl: WS,
    });
    closers.push(() => b.destroy());
    const errors = collectErrors(b);
    await b.whenSynced();
    const a = openDoc(space, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    const cursorAtBob = (): number | undefined =>
      (b.awareness.getStates().get(a.doc.clientID) as { cursor?: { anchor: number } } | undefined)?.cursor?.anchor;
    await waitFor(() => b.awareness.getStates().has(a.doc.clientID), "Alice's presence at Bob's");
    a.awareness.setLocalStateField('cursor', { anchor: 3 });
    await waitFor(() => cursorAtBob() === 3, "Alice's cursor at Bob's");
    a.awareness.setLocalStateField('cursor', { anchor: 7 });
    await waitFor(() => cursorAtBob() === 7, "Alice's newer cursor at Bob's");
    await waitFor(() => errors.some((e) => e.code === 'REPLAY_DETECTED'), 'the replays are reported');
    expect(errors.find((e) => e.code === 'REPLAY_DETECTED')!.details.author).toBe(aliceHex);
    expect(cursorAtBob()).toBe(7);
    expect(errors.some((e) => e.code === 'AWARENESS_FORGED')).toBe(false);
  });

  it("MEMBERSHIP-9: AUTH names the relay dialled: a relay in the middle cannot use a member's answer to another relay's challenge (R16)", async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const space = await createSpace(relay.url, alice);
    space.close();
    // The relay's own front (a reverse proxy passing Host on) works as before.
    const front = await hostileProxy(relay.url);
    closers.push(() => void front.close());
    const viaFront = await openSpace(front.url, alice, space.spaceId);
    viaFront.close();
    // A second relay in the middle forwards Alice's HELLO to the real one, the real CHALLENGE
    // to Alice, and her AUTH back: the real relay refuses it, and the middle learns nothing.
    const seen: number[] = [];
    const middle = await hostileProxy(relay.url, {
      keepHost: false,
      toClient: (m, send) => {
        seen.push(m[1]!);
        send(m);
      },
    });
    closers.push(() => void middle.close());
    const refused = await openSpace(middle.url, alice, space.spaceId).then(
      (s) => (s.close(), null),
      (e: { code?: string }) => e,
    );
    expect(refused?.code).toBe('AUTH_FAILED');
    expect(seen).toContain(FrameKind.Challenge);
    expect(seen).not.toContain(FrameKind.Membership);
    expect(seen).not.toContain(FrameKind.Ready);
  });

  it('MEMBERSHIP-9: with PUBLIC_HOST set, a relay in the middle that sends its own Host name is refused too (R16)', async () => {
    const probe = await scope.start();
    const port = probe.port;
    await probe.cleanup();
    const relay = await scope.start({ port, publicHosts: [`127.0.0.1:${port}`] });
    const alice = person('Alice');
    const space = await createSpace(relay.url, alice);
    space.close();
    const middle = await hostileProxy(relay.url, { keepHost: true });
    closers.push(() => void middle.close());
    const refused = await openSpace(middle.url, alice, space.spaceId).then(
      (s) => (s.close(), null),
      (e: { code?: string }) => e,
    );
    expect(refused?.code).toBe('AUTH_FAILED');
    const direct = await openSpace(relay.url, alice, space.spaceId);
    direct.close();
  });
});
