import { describe, expect, it } from 'vitest';
import { MembershipAction, Role } from '@trame/protocol';
import {
  decodeInviteToken,
  identityFromSeed,
  keyFingerprint,
  newDocId,
  SpaceSession,
  toHex,
  type MembershipPin,
} from '@trame/sync';
import { createSpace, openDoc, person, text, waitFor, WS, e2eScope } from './harness.js';
import { backupFiles, forgeEntry, forgeLog, replaceSpace, sha256, withStorage } from './hostileStorage.js';

const scope = e2eScope();
const closers = scope.closers;

describe('MEMBERSHIP-1: invite links and joined devices pin the history (R39)', () => {
  it('MEMBERSHIP-1: a relay that rebuilds the space under the same id with its own genesis and INVITE is refused by the link', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const mallory = person('Mallory (relay)');
    const owner = await createSpace(relay.url, alice);
    const token = await owner.createInvite({ role: Role.Editor });
    owner.close();
    // The operator knows the invite identity's public key (it is in the INVITE entry), not its secret.
    const invitePk = identityFromSeed(decodeInviteToken(token).seed).publicKey;
    const forged = forgeLog(owner.spaceId, mallory.identity, [
      { signer: mallory.identity, action: MembershipAction.Invite, subject: invitePk, role: Role.Editor },
    ]);
    await withStorage(relay, (db) =>
      replaceSpace(db, owner.spaceId, forged, [[mallory.identity.publicKey, Role.Admin]], [[invitePk, Role.Editor]]),
    );
    // The link's INVITE is at the same seq; its hash is not: the newcomer writes nothing.
    await expect(
      SpaceSession.previewInvite({ relayUrl: relay.url, invite: token, WebSocketImpl: WS }),
    ).rejects.toMatchObject({ code: 'INVITE_MISMATCH' });
    await expect(
      SpaceSession.acceptInvite({ relayUrl: relay.url, identity: bob.identity, invite: token, WebSocketImpl: WS }),
    ).rejects.toMatchObject({ code: 'INVITE_MISMATCH' });
    await withStorage(relay, (db) => {
      const n = db.prepare('SELECT COUNT(*) AS n FROM membership_entries').get() as { n: number };
      expect(n.n).toBe(2); // no ACCEPT reached the forged space
    });
  });

  it('MEMBERSHIP-1: the genuine link shows its role and inviter fingerprint, then joins and pins the log', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    const token = await owner.createInvite({ role: Role.Viewer });
    const preview = await SpaceSession.previewInvite({ relayUrl: relay.url, invite: token, WebSocketImpl: WS });
    expect(preview.role).toBe(Role.Viewer);
    expect(toHex(preview.inviter)).toBe(toHex(alice.identity.publicKey));
    expect(preview.inviterFingerprint).toBe(keyFingerprint(alice.identity.publicKey));
    expect(preview.inviterFingerprint).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const spaceB = await SpaceSession.acceptInvite({
      relayUrl: relay.url,
      identity: bob.identity,
      invite: token,
      WebSocketImpl: WS,
    });
    closers.push(() => spaceB.close());
    const pin = spaceB.state.pin!;
    expect(pin.seq).toBe(2);
    expect(toHex(pin.genesisHash!)).toBe(toHex(sha256(owner.state.entries[0]!)));
  });

  it('MEMBERSHIP-1: a joined device refuses another genesis, a shorter log and a fork, with typed errors and no loss', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const mallory = person('Mallory (relay)');
    const owner = await createSpace(relay.url, alice);
    const token = await owner.createInvite({ role: Role.Editor });
    const spaceB = await SpaceSession.acceptInvite({
      relayUrl: relay.url,
      identity: bob.identity,
      invite: token,
      WebSocketImpl: WS,
    });
    const docId = newDocId();
    const b = openDoc(spaceB, bob, docId);
    await b.whenSynced();
    b.doc.getText('t').insert(0, 'Notes juridiques');
    await b.whenSaved();
    b.destroy();
    spaceB.close();
    await relay.stop();
    const restoreShort = backupFiles(relay); // the log ends at Bob's ACCEPT (seq 2)
    await relay.restart();
    await owner.addMember(person('Claire').identity.publicKey, Role.Viewer); // seq 3
    const spaceB2 = await SpaceSession.open({
      relayUrl: relay.url,
      identity: bob.identity,
      spaceId: owner.spaceId,
      WebSocketImpl: WS,
      pin: spaceB.state.pin,
    });
    await waitFor(() => spaceB2.state.seq === 3, 'Bob verifies seq 3');
    const pin: MembershipPin = spaceB2.state.pin!;
    spaceB2.close();
    owner.close();
    const openAsBob = () =>
      SpaceSession.open({
        relayUrl: relay.url,
        identity: bob.identity,
        spaceId: owner.spaceId,
        WebSocketImpl: WS,
        pin,
      });

    // A shorter log: the relay serves its older copy.
    await relay.stop();
    const restoreFull = backupFiles(relay);
    restoreShort();
    await relay.restart();
    await expect(openAsBob()).rejects.toMatchObject({ code: 'MEMBERSHIP_ROLLBACK' });

    // A fork: another entry at seq 3, validly signed by the animateur (a branch the relay kept).
    await relay.stop();
    restoreFull();
    await relay.restart();
    const other = forgeEntry(alice.identity, {
      spaceId: owner.spaceId,
      seq: 3,
      prevHash: sha256(owner.state.entries[2]!),
      action: MembershipAction.Add,
      subject: mallory.identity.publicKey,
      role: Role.Admin,
      epoch: 0,
    });
    await withStorage(relay, (db) =>
      replaceSpace(
        db,
        owner.spaceId,
        [...owner.state.entries.slice(0, 3), other],
        [
          [alice.identity.publicKey, Role.Admin],
          [bob.identity.publicKey, Role.Editor],
          [mallory.identity.publicKey, Role.Admin],
        ],
      ),
    );
    await expect(openAsBob()).rejects.toMatchObject({ code: 'MEMBERSHIP_FORK' });

    // Another genesis under the same space id, in which Bob is an editor.
    const forged = forgeLog(owner.spaceId, mallory.identity, [
      { signer: mallory.identity, action: MembershipAction.Add, subject: bob.identity.publicKey, role: Role.Editor },
      { signer: mallory.identity, action: MembershipAction.Add, subject: alice.identity.publicKey, role: Role.Viewer },
      {
        signer: mallory.identity,
        action: MembershipAction.Add,
        subject: person('x').identity.publicKey,
        role: Role.Viewer,
      },
    ]);
    await withStorage(relay, (db) =>
      replaceSpace(db, owner.spaceId, forged, [
        [mallory.identity.publicKey, Role.Admin],
        [bob.identity.publicKey, Role.Editor],
      ]),
    );
    await expect(openAsBob()).rejects.toMatchObject({ code: 'MEMBERSHIP_FORK' });

    // The genuine history, served again, opens with Bob's text intact.
    await relay.stop();
    restoreFull();
    await relay.restart();
    const back = await openAsBob();
    closers.push(() => back.close());
    const again = openDoc(back, bob, docId);
    closers.push(() => again.destroy());
    await waitFor(() => text(again) === 'Notes juridiques', 'Bob reads his notes');
  });
});
