import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ED25519_TEST_VECTORS as V, MembershipAction, Role, toHex } from '@trame/protocol';
import { createTestIdentity, type TestIdentity } from '../testing/createTestIdentity.js';
import { expectStorageUnchanged } from '../testing/expectStorageUnchanged.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';

let relay: TestRelay;
const clients: TestClient[] = [];

beforeAll(async () => {
  relay = await startTestRelay();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await relay.close();
});

/** An "identity" that answers every challenge with R = neutral, S = 0. */
function forger(publicKey: Uint8Array): TestIdentity {
  return { publicKey, hex: toHex(publicKey), sign: () => V.neutralSignature.slice() };
}

async function space() {
  const s = await createTestSpace(relay.url, createTestIdentity());
  clients.push(s.control);
  return s;
}

describe('MEMBERSHIP-7: one Ed25519 rule at AUTH and in the fold (R36)', () => {
  it('MEMBERSHIP-7: an anonymous client cannot authenticate under the neutral point with S = 0', async () => {
    const s = await space();
    for (const key of [V.neutralKey, V.order8Key]) {
      const c = await TestClient.connect(relay.url);
      clients.push(c);
      await expect(c.authenticate(forger(key), { spaceId: s.spaceId })).rejects.toThrow(/AUTH_FAILED/);
      expect(await c.closeCode()).toBe(4401);
    }
  });

  it('MEMBERSHIP-7: an invite link holder cannot make the neutral point a member; the invite stays usable', async () => {
    const s = await space();
    const invite = createTestIdentity();
    await s.append(
      s.log.next(s.admin, MembershipAction.Invite, invite.publicKey, Role.Admin, {
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
      }),
    );
    const [asInvite] = await TestClient.open(relay.url, invite, { spaceId: s.spaceId });
    clients.push(asInvite);
    await expectStorageUnchanged(relay.dbFile, async () => {
      for (const key of [V.neutralKey, V.order8Key]) {
        asInvite.send(s.log.next(invite, MembershipAction.Accept, key, Role.Admin));
        const err = await asInvite.expectError('INVALID_MEMBERSHIP');
        expect(err.message).toMatch(/R36/);
      }
    });
    // The genuine newcomer still joins with the same link.
    const newcomer = createTestIdentity();
    const accept = s.log.next(invite, MembershipAction.Accept, newcomer.publicKey, Role.Admin);
    asInvite.send(accept);
    expect((await asInvite.expectAck()).number).toBe(2);
  });

  it('MEMBERSHIP-7: an animateur cannot ADD a small-order key, and no entry may name a small-order signer', async () => {
    const s = await space();
    await expectStorageUnchanged(relay.dbFile, async () => {
      for (const key of [V.neutralKey, V.order8Key]) {
        s.control.send(s.log.next(s.admin, MembershipAction.Add, key, Role.Editor));
        await s.control.expectError('INVALID_MEMBERSHIP');
        s.control.send(
          s.log.next(forger(key), MembershipAction.Add, createTestIdentity().publicKey, Role.Editor, {
            signWith: forger(key),
          }),
        );
        await s.control.expectError('BAD_SIGNATURE');
      }
    });
    // The space is intact: a real member still joins and connects.
    const bob = createTestIdentity();
    await s.add(bob, Role.Editor);
    const [c, initial] = await TestClient.open(relay.url, bob, { spaceId: s.spaceId, docId: randomId() });
    clients.push(c);
    expect(initial.ready.role).toBe(Role.Editor);
  });
});
