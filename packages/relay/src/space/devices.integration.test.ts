import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bytesEqual, FrameKind, MembershipAction, Role } from '@trame/protocol';
import { buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity, type TestIdentity } from '../testing/createTestIdentity.js';
import { expectStorageUnchanged } from '../testing/expectStorageUnchanged.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace, type TestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient, type HelloOptions, type InitialFrames } from '../testing/TestClient.js';

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

async function open(identity: TestIdentity, hello: HelloOptions): Promise<[TestClient, InitialFrames]> {
  const [client, initial] = await TestClient.open(relay.url, identity, hello);
  clients.push(client);
  return [client, initial];
}

/** A space with an animateur and Alice (editor), Alice's phone linked by Alice. */
async function aliceWithPhone(): Promise<{
  s: TestSpace;
  alice: TestIdentity;
  phone: TestIdentity;
  aliceSpace: TestClient;
}> {
  const s = await createTestSpace(relay.url, createTestIdentity());
  clients.push(s.control);
  const alice = createTestIdentity();
  const phone = createTestIdentity();
  await s.add(alice, Role.Editor);
  const [aliceSpace] = await open(alice, { spaceId: s.spaceId });
  const link = s.log.next(alice, MembershipAction.DeviceAdd, phone.publicKey, Role.None);
  aliceSpace.send(link);
  expect((await aliceSpace.expectAck()).number).toBe(2);
  s.log.accepted(link);
  await s.control.expect(FrameKind.Membership);
  return { s, alice, phone, aliceSpace };
}

describe('R98: devices at the relay', () => {
  it('R98: a linked device authenticates with its own key, with its person role, and writes as itself', async () => {
    const { s, phone } = await aliceWithPhone();
    const docId = randomId();
    const [c, state] = await open(phone, { spaceId: s.spaceId, docId });
    expect(state.ready.role).toBe(Role.Editor);
    c.send(buildUpdate({ author: phone, spaceId: s.spaceId, docId, clock: 1 }));
    expect((await c.expectAck()).number).toBe(1);
    // R23 unchanged: the author is the connection's key, not the person's
    const alice2 = createTestIdentity();
    c.send(buildUpdate({ author: alice2, spaceId: s.spaceId, docId, clock: 1 }));
    await c.expectError('AUTHOR_MISMATCH');
  });

  it('R95: a DEVICE_REMOVE of a person key is INVALID_MEMBERSHIP and stores nothing', async () => {
    const { s, alice } = await aliceWithPhone();
    await expectStorageUnchanged(relay.dbFile, async () => {
      s.control.send(s.log.next(s.admin, MembershipAction.DeviceRemove, alice.publicKey, Role.None, { sealedFor: [] }));
      await s.control.expectError('INVALID_MEMBERSHIP');
    });
  });

  it('DEVICES-2: R95/R33: a DEVICE_REMOVE closes the device connections at once (4403); its AUTH is then refused and its writes never stored', async () => {
    const { s, alice, phone, aliceSpace } = await aliceWithPhone();
    const docId = randomId();
    const [phoneDoc] = await open(phone, { spaceId: s.spaceId, docId });
    const [phoneSpace] = await open(phone, { spaceId: s.spaceId });
    const [aliceDoc] = await open(alice, { spaceId: s.spaceId, docId });
    const cut = s.log.next(alice, MembershipAction.DeviceRemove, phone.publicKey, Role.None, { sealedFor: [] });
    aliceSpace.send(cut);
    expect((await aliceSpace.expectAck()).number).toBe(3);
    s.log.accepted(cut);
    // the seized phone tries to write at once: never stored (R23 reads its role in the write)
    phoneDoc.send(buildUpdate({ author: phone, spaceId: s.spaceId, docId, clock: 1 }));
    for (const c of [phoneDoc, phoneSpace]) {
      expect(bytesEqual((await c.expect(FrameKind.Membership)).raw, cut)).toBe(true);
      expect(await c.closeCode()).toBe(4403);
    }
    expect(aliceDoc.isClosed).toBe(false);
    // R96: Alice (an editor) renews the keys the phone held
    const rotate = s.log.next(alice, MembershipAction.Rotate, alice.publicKey, Role.None, {
      epoch: 1,
      sealedFor: [s.admin.publicKey, alice.publicKey],
    });
    aliceSpace.send(rotate);
    expect((await aliceSpace.expectAck()).number).toBe(4);
    s.log.accepted(rotate);
    const again = await TestClient.connect(relay.url);
    clients.push(again);
    await expect(again.authenticate(phone, { spaceId: s.spaceId, docId })).rejects.toThrow(/NOT_A_MEMBER/);
    const late = await TestClient.connect(relay.url);
    clients.push(late);
    await expect(late.authenticate(phone, { spaceId: s.spaceId })).rejects.toThrow(/NOT_A_MEMBER/);
    const [, state] = await open(alice, { spaceId: s.spaceId, docId });
    expect(state.ready.tailCount).toBe(0);
  });

  it('R96: after a DEVICE_REMOVE its person may renew the keys once; without one an editor may not', async () => {
    const { s, alice, phone, aliceSpace } = await aliceWithPhone();
    const early = s.log.next(alice, MembershipAction.Rotate, alice.publicKey, Role.None, {
      epoch: 1,
      sealedFor: [s.admin.publicKey, alice.publicKey, phone.publicKey],
    });
    aliceSpace.send(early);
    await aliceSpace.expectError('FORBIDDEN_ROLE');
  });

  it('R97: removing the person (REMOVE) takes her devices rows too: the phone is closed and refused', async () => {
    const { s, alice, phone } = await aliceWithPhone();
    const docId = randomId();
    const [phoneDoc] = await open(phone, { spaceId: s.spaceId, docId });
    await s.append(s.log.next(s.admin, MembershipAction.Remove, alice.publicKey, Role.None));
    await phoneDoc.expect(FrameKind.Membership);
    expect(await phoneDoc.closeCode()).toBe(4403);
    const again = await TestClient.connect(relay.url);
    clients.push(again);
    await expect(again.authenticate(phone, { spaceId: s.spaceId, docId })).rejects.toThrow(/NOT_A_MEMBER/);
  });

  it('R97/R98: a SET_ROLE to viewer applies to the person devices at their next write', async () => {
    const { s, alice, phone } = await aliceWithPhone();
    const docId = randomId();
    const [c] = await open(phone, { spaceId: s.spaceId, docId });
    await s.append(s.log.next(s.admin, MembershipAction.SetRole, alice.publicKey, Role.Viewer));
    await c.expect(FrameKind.Membership);
    c.send(buildUpdate({ author: phone, spaceId: s.spaceId, docId, clock: 1 }));
    await c.expectError('FORBIDDEN_ROLE');
  });
});
