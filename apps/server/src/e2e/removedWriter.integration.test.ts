import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdateHeader, FrameKind } from '@trame/protocol';
import { sealContentFrame } from '@trame/crypto';
import { newDocId, Role } from '@trame/sync';
import {
  collectErrors,
  countFrames,
  createSpace,
  openDoc,
  openSpace,
  person,
  rogue,
  text,
  waitFor,
  e2eScope,
} from './harness.js';
import { withStorage } from './hostileStorage.js';

const scope = e2eScope();
const closers = scope.closers;

describe('MEMBERSHIP-5: removed writers are not trusted for new edits', () => {
  it('MEMBERSHIP-5: a relay that lets a removed member back in cannot get her new, signed edits applied live', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const claire = person('Claire');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(claire.identity.publicKey, Role.Editor);
    const spaceC = await openSpace(relay.url, claire, owner.spaceId);
    const docId = newDocId();
    const a = openDoc(owner, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    a.doc.getText('t').insert(0, 'Notes juridiques');
    await a.whenSaved();
    const claireKey = spaceC.state.docKey(0, docId); // she held the key while a member
    spaceC.close();
    await owner.removeMember(claire.identity.publicKey);
    await waitFor(() => a.keyEpoch === 1 && a.status === 'saved', 'the document moved to the new key (R73)');
    const frames = countFrames(a);
    // The operator puts her row back, and the space's epoch (the removal rotated the keys, R70).
    await withStorage(relay, (db) => {
      db.prepare('INSERT INTO members VALUES (?, ?, ?)').run(
        Buffer.from(owner.spaceId),
        Buffer.from(claire.identity.publicKey),
        Role.Editor,
      );
      db.prepare('UPDATE spaces SET epoch = 0 WHERE space_id = ?').run(Buffer.from(owner.spaceId));
    });
    // Alice's document is connected again (READY after the restart): what follows is live.
    await waitFor(() => (frames.get(FrameKind.Ready) ?? 0) > 0 && a.status === 'saved', 'Alice reconnects', 20_000);
    const errors = collectErrors(a);
    const c = rogue(relay.url, claire.identity, owner.spaceId, docId);
    closers.push(() => c.conn.close(1000, 'done'));
    const ready = await c.ready;
    const evil = new Y.Doc();
    evil.getText('t').insert(0, 'Mon adresse est… ');
    const header = encodeUpdateHeader({
      spaceId: owner.spaceId,
      docId,
      epoch: 0,
      snapshotId: ready.snapshotId,
      author: claire.identity.publicKey,
      clock: 1,
    });
    c.conn.send(sealContentFrame(header, claireKey, Y.encodeStateAsUpdate(evil), claire.identity));
    await waitFor(() => c.frames.some((f) => f.kind === FrameKind.Ack), 'the hostile relay accepts it');
    await waitFor(() => errors.some((e) => e.code === 'UNTRUSTED_AUTHOR'), 'Alice refuses it');
    expect(text(a)).toBe('Notes juridiques');
  });
});
