import { describe, expect, it } from 'vitest';
import { Role, SpaceSession, newDocId, toHex } from '@trame/sync';
import { collectErrors, createSpace, openDoc, openSpace, person, text, waitFor, WS, e2eScope } from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

describe('membership through the relay (R30-R35)', () => {
  it('R35: a newcomer joins with an invite link while no animateur is online; the link works once', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const eve = person('Eve');
    const owner = await createSpace(relay.url, alice);
    const token = await owner.createInvite({ role: Role.Editor });
    const spaceId = owner.spaceId;
    owner.close(); // the animateur goes offline
    const spaceB = await SpaceSession.acceptInvite({
      relayUrl: relay.url,
      identity: bob.identity,
      invite: token,
      WebSocketImpl: WS,
    });
    closers.push(() => spaceB.close());
    expect(spaceB.myRole).toBe(Role.Editor);
    const docId = newDocId();
    const b = openDoc(spaceB, bob, docId);
    closers.push(() => b.destroy());
    await b.whenSynced();
    b.doc.getText('t').insert(0, 'Bob est là');
    await b.whenSaved();
    // The same link cannot admit a second person.
    await expect(
      SpaceSession.acceptInvite({ relayUrl: relay.url, identity: eve.identity, invite: token, WebSocketImpl: WS }),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/INVALID_MEMBERSHIP|NOT_A_MEMBER|CONNECTION_CLOSED/),
    });
    // Alice, back online, sees Bob as a member and reads his text.
    const back = await openSpace(relay.url, alice, spaceId);
    closers.push(() => back.close());
    expect(back.members().find((m) => m.id === toHex(bob.identity.publicKey))?.role).toBe(Role.Editor);
    const a = openDoc(back, alice, docId);
    closers.push(() => a.destroy());
    await waitFor(() => text(a) === 'Bob est là', 'Alice reads Bob');
  });

  it('R35: an expired invite is refused (the relay no longer lets the invite identity in)', async () => {
    let late = 0; // the relay's clock runs ahead once the invite is made (R77 refuses one already expired)
    const relay = await scope.start({ now: () => Date.now() + late });
    const alice = person('Alice');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    const token = await owner.createInvite({ role: Role.Viewer, expiresAt: new Date(Date.now() + 60_000) });
    late = 120_000;
    await expect(
      SpaceSession.acceptInvite({
        relayUrl: relay.url,
        identity: person('Late').identity,
        invite: token,
        WebSocketImpl: WS,
      }),
    ).rejects.toMatchObject({
      code: 'NOT_A_MEMBER',
    });
  });

  it('R33: removing a member closes their connections at once; a demoted editor can no longer write', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const claire = person('Claire');
    const owner = await createSpace(relay.url, alice);
    closers.push(() => owner.close());
    await owner.addMember(bob.identity.publicKey, Role.Editor);
    await owner.addMember(claire.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const spaceB = await openSpace(relay.url, bob, owner.spaceId);
    const spaceC = await openSpace(relay.url, claire, owner.spaceId);
    closers.push(
      () => spaceB.close(),
      () => spaceC.close(),
    );
    const b = openDoc(spaceB, bob, docId);
    const c = openDoc(spaceC, claire, docId);
    closers.push(
      () => b.destroy(),
      () => c.destroy(),
    );
    await Promise.all([b.whenSynced(), c.whenSynced()]);
    const bErrors = collectErrors(b);
    await owner.removeMember(bob.identity.publicKey);
    await waitFor(() => b.status === 'error', "Bob's document closed");
    expect(bErrors.map((e) => e.code)).toContain('NOT_A_MEMBER');
    // Claire becomes an observer: her next edit is refused and stays on her machine.
    const cErrors = collectErrors(c);
    await owner.setRole(claire.identity.publicKey, Role.Viewer);
    await waitFor(() => !c.canWrite, 'Claire learns her new role');
    c.doc.getText('t').insert(0, 'ne devrait pas passer');
    const a = openDoc(owner, alice, docId);
    closers.push(() => a.destroy());
    await a.whenSynced();
    await new Promise((r) => setTimeout(r, 200));
    expect(text(a)).toBe('');
    expect(cErrors.map((e) => e.code)).not.toContain('INTERNAL');
  });
});
