import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { encodeEphemeralHeader, ERROR_CODES, FrameKind, type ErrorFrame } from '@trame/protocol';
import { sealContentFrame } from '@trame/crypto';
import { Role, newDocId, toHex } from '@trame/sync';
import { collectErrors, createSpace, openDoc, openSpace, person, rogue, waitFor, e2eScope } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

type PeerState = { user?: { id?: string; name?: string }; cursor?: { anchor: number } };

describe('awareness (issue test 7, R44)', () => {
  it("shows a second client the first one's cursor and name, and ignores a forged state", async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const mallory = person('Mallory');
    const spaceA = await createSpace(relay.url, alice);
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Viewer); // viewers have presence too
    await spaceA.addMember(mallory.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(relay.url, bob, spaceA.spaceId);
    closers.push(() => spaceB.close());
    const docId = newDocId();
    const a = openDoc(spaceA, alice, docId);
    const b = openDoc(spaceB, bob, docId);
    closers.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    a.doc.getText('t').insert(0, 'Ordre du jour');
    a.awareness.setLocalStateField('cursor', { anchor: 5 });
    const aliceSeenByBob = (): PeerState | undefined =>
      b.awareness.getStates().get(a.doc.clientID) as PeerState | undefined;
    await waitFor(() => aliceSeenByBob()?.cursor?.anchor === 5, "Alice's cursor at Bob's");
    expect(aliceSeenByBob()!.user).toMatchObject({ name: 'Alice', id: toHex(alice.identity.publicKey) });

    // Mallory, a member, signs an awareness state that claims to be Alice.
    const errors = collectErrors(b);
    const m = rogue(relay.url, mallory.identity, spaceA.spaceId, docId);
    closers.push(() => m.conn.close());
    await m.ready;
    const fakeDoc = new Y.Doc();
    const fake = new Awareness(fakeDoc);
    fake.setLocalState({
      user: { id: toHex(alice.identity.publicKey), name: 'Alice', color: '#f00' },
      cursor: { anchor: 1 },
    });
    const sendEphemeral = (author: Uint8Array, sequence: number): void => {
      const header = encodeEphemeralHeader({ spaceId: spaceA.spaceId, docId, epoch: 0, author, sequence });
      m.conn.send(
        sealContentFrame(
          header,
          spaceA.state.docKey(0, docId),
          encodeAwarenessUpdate(fake, [fakeDoc.clientID]),
          mallory.identity,
        ),
      );
    };
    sendEphemeral(mallory.identity.publicKey, 1);
    await waitFor(() => errors.some((e) => e.code === 'AWARENESS_FORGED'), 'forged awareness reported');
    expect(b.awareness.getStates().has(fakeDoc.clientID)).toBe(false);
    // Claiming Alice as the frame's author is refused by the relay itself (R23).
    sendEphemeral(alice.identity.publicKey, 2);
    await waitFor(() => m.frames.some((f) => f.kind === FrameKind.Error), 'relay error');
    expect((m.frames.find((f) => f.kind === FrameKind.Error) as ErrorFrame).code).toBe(ERROR_CODES.AUTHOR_MISMATCH);
    // Alice's real state is untouched.
    expect(aliceSeenByBob()!.cursor!.anchor).toBe(5);
    fake.destroy();
  });
});
