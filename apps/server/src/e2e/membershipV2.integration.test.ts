import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ED25519_TEST_VECTORS, MembershipAction, Role } from '@trame/protocol';
import { signMembershipEntry } from '@trame/crypto';
import { newDocId, type SpaceSession } from '@trame/sync';
import {
  createSpace,
  openDoc,
  openSpace,
  person,
  text,
  waitFor,
  e2eScope,
  type Person,
  type TestRelay,
} from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

/**
 * The hostile (or old, lax) relay stores one more entry after the head, signed by `signer`, that
 * every client refuses: an ADD of the neutral point (R36).
 */
async function appendRefusedEntry(relay: TestRelay, space: SpaceSession, signer: Person): Promise<void> {
  const seq = space.state.seq + 1;
  const raw = signMembershipEntry(
    {
      spaceId: space.spaceId,
      seq,
      prevHash: space.state.headHash,
      signer: signer.identity.publicKey,
      action: MembershipAction.Add,
      subject: ED25519_TEST_VECTORS.neutralKey,
      role: Role.Admin,
      epoch: space.state.epoch,
      sealedKeys: [{ recipient: ED25519_TEST_VECTORS.neutralKey, sealed: new Uint8Array(randomBytes(80)) }],
    },
    signer.identity,
  );
  await relay.stop();
  const db = new Database(join(relay.dataDir, 'trame.sqlite'));
  const spaceId = Buffer.from(space.spaceId);
  db.prepare('INSERT INTO membership_entries (space_id, seq, frame, hash) VALUES (?, ?, ?, ?)').run(
    spaceId,
    seq,
    Buffer.from(raw),
    Buffer.from(sha256(raw)),
  );
  db.prepare('UPDATE spaces SET seq = ?, head_hash = ? WHERE space_id = ?').run(seq, Buffer.from(sha256(raw)), spaceId);
  db.close();
  await relay.restart();
}

describe('membership v2 against a real relay', () => {
  it('MEMBERSHIP-7: an entry every client refuses does not make the space unloadable (R37)', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const owner = await createSpace(relay.url, alice);
    await owner.addMember(bob.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const a = openDoc(owner, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    a.doc.getText('t').insert(0, 'Notes juridiques');
    await a.whenSaved();
    a.destroy();
    owner.close();
    await appendRefusedEntry(relay, owner, alice);
    // Bob opens the space with nothing cached: the relay serves the whole log, bad entry included.
    const spaceB = await openSpace(relay.url, bob, owner.spaceId);
    closers.push(() => spaceB.close());
    expect(spaceB.state.seq).toBe(1);
    expect(spaceB.state.refused).toMatchObject({ seq: 2, error: { code: 'INVALID_MEMBERSHIP' } });
    expect(spaceB.myRole).toBe(Role.Editor);
    const b = openDoc(spaceB, bob, docId);
    closers.push(() => b.destroy());
    await waitFor(() => text(b) === 'Notes juridiques', 'Bob reads the document');
    expect(b.status).not.toBe('error');
  });
});

describe('spaces created before protocol 3', () => {
  it.each([1, 2])(
    'R38: a space whose log was written under protocol %i is refused with UNSUPPORTED_VERSION, not misread',
    async (version) => {
      const relay = await scope.start();
      const alice = person('Alice');
      const owner = await createSpace(relay.url, alice);
      owner.close();
      await relay.stop();
      const db = new Database(join(relay.dataDir, 'trame.sqlite'));
      const row = db.prepare('SELECT frame FROM membership_entries WHERE seq = 0').get() as { frame: Buffer };
      row.frame[0] = version; // what a relay of that protocol stored
      db.prepare('UPDATE membership_entries SET frame = ? WHERE seq = 0').run(row.frame);
      db.close();
      await relay.restart();
      await expect(openSpace(relay.url, alice, owner.spaceId)).rejects.toMatchObject({ code: 'UNSUPPORTED_VERSION' });
    },
  );
});
