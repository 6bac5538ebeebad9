import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FrameKind, MembershipAction, type ErrorFrame } from '@trame/protocol';
import { encodeKeyBundle, sealToIdentity, signMembershipEntry } from '@trame/crypto';
import { decodeInviteToken, identityFromSeed, newDocId, Role, type SpaceSession } from '@trame/sync';
import {
  collectErrors,
  createSpace,
  openDoc,
  openSpace,
  person,
  rogue,
  text,
  waitFor,
  e2eScope,
  type Person,
} from './harness.js';
import { sha256, withStorage } from './hostileStorage.js';

const scope = e2eScope();
const closers = scope.closers;

/** An ACCEPT from the link's identity that also seals a chosen "key" for epoch 0 to others. */
function junkAccept(space: SpaceSession, token: string, newcomer: Person, others: Person[]): Uint8Array {
  const inviteIdentity = identityFromSeed(decodeInviteToken(token).seed);
  const junk = encodeKeyBundle(new Map([[0, new Uint8Array(randomBytes(32))]]));
  return signMembershipEntry(
    {
      spaceId: space.spaceId,
      seq: space.state.seq + 1,
      prevHash: space.state.headHash,
      signer: inviteIdentity.publicKey,
      action: MembershipAction.Accept,
      subject: newcomer.identity.publicKey,
      role: Role.Viewer,
      epoch: 0,
      expiresAt: 0,
      sealedKeys: [newcomer, ...others].map((p) => ({
        recipient: p.identity.publicKey,
        sealed: sealToIdentity(p.identity.publicKey, junk),
      })),
    },
    inviteIdentity,
  );
}

describe('MEMBERSHIP-2: key bundles cannot overwrite keys', () => {
  it('MEMBERSHIP-2: the relay refuses an ACCEPT carrying bundles for other members; their content stays readable', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const eve = person('Eve (viewer link)');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(bob.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const a = openDoc(owner, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    a.doc.getText('t').insert(0, 'Notes juridiques');
    await a.whenSaved();
    const token = await owner.createInvite({ role: Role.Viewer });
    const asLink = rogue(relay.url, identityFromSeed(decodeInviteToken(token).seed), owner.spaceId, new Uint8Array(16));
    closers.push(() => asLink.conn.close(1000, 'done'));
    await asLink.ready;
    asLink.conn.send(junkAccept(owner, token, eve, [alice, bob]));
    await waitFor(() => asLink.frames.some((f) => f.kind === FrameKind.Error), 'the relay answers');
    const err = asLink.frames.find((f) => f.kind === FrameKind.Error) as ErrorFrame;
    expect(err.code).toBe(4003); // INVALID_MEMBERSHIP
    // Bob, loading afresh, reads Alice's notes with the key he always had.
    const spaceB = await openSpace(relay.url, bob, owner.spaceId);
    closers.push(() => spaceB.close());
    const b = openDoc(spaceB, bob, docId);
    closers.push(() => b.destroy());
    const errors = collectErrors(b);
    await waitFor(() => text(b) === 'Notes juridiques', 'Bob reads the notes');
    expect(errors.map((e) => e.code)).not.toContain('DECRYPT_FAILED');
  });

  it("MEMBERSHIP-2: a relay that stored such an ACCEPT anyway does not change any member's key (R37)", async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const eve = person('Eve (viewer link)');
    const owner = await createSpace(relay.url, alice);
    await owner.addMember(bob.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const a = openDoc(owner, alice, docId);
    await a.whenSynced();
    a.doc.getText('t').insert(0, 'Notes juridiques');
    await a.whenSaved();
    a.destroy();
    const token = await owner.createInvite({ role: Role.Viewer });
    const entry = junkAccept(owner, token, eve, [alice, bob]);
    owner.close();
    await withStorage(relay, (db) => {
      const id = Buffer.from(owner.spaceId);
      db.prepare('INSERT INTO membership_entries (space_id, seq, frame, hash) VALUES (?, ?, ?, ?)').run(
        id,
        owner.state.seq + 1,
        Buffer.from(entry),
        Buffer.from(sha256(entry)),
      );
      db.prepare('UPDATE spaces SET seq = ?, head_hash = ? WHERE space_id = ?').run(
        owner.state.seq + 1,
        Buffer.from(sha256(entry)),
        id,
      );
    });
    for (const who of [alice, bob]) {
      const s = await openSpace(relay.url, who, owner.spaceId);
      closers.push(() => s.close());
      expect(s.state.refused?.error.code).toBe('INVALID_MEMBERSHIP');
      const d = openDoc(s, who, docId);
      closers.push(() => d.destroy());
      const errors = collectErrors(d);
      await waitFor(() => text(d) === 'Notes juridiques', `${who.name} reads the notes`);
      expect(errors.map((e) => e.code)).not.toContain('DECRYPT_FAILED');
    }
  });
});
