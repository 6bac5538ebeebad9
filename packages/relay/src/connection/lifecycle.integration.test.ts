import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  authSigningInput,
  encodeAuth,
  encodeChallenge,
  encodeHello,
  FrameKind,
  LIMITS,
  MembershipAction,
  PROTOCOL_VERSION,
  Role,
  ZERO_ID,
} from '@trame/protocol';
import { buildMembership, buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { expectStorageUnchanged } from '../testing/expectStorageUnchanged.js';
import { MembershipLog } from '../testing/MembershipLog.js';
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

async function connect(url = relay.url): Promise<TestClient> {
  const c = await TestClient.connect(url);
  clients.push(c);
  return c;
}

function hello(identity: { publicKey: Uint8Array }, spaceId: Uint8Array, docId = ZERO_ID, create = false): Uint8Array {
  return encodeHello({
    create,
    spaceId,
    docId,
    identity: identity.publicKey,
    knownMembershipSeq: -1,
    knownSnapshotId: ZERO_ID,
  });
}

describe('R10 authentication', () => {
  it('R10: answers HELLO with a fresh 32-byte CHALLENGE and accepts a valid AUTH', async () => {
    const admin = createTestIdentity();
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    const a = await connect();
    const b = await connect();
    const h = hello(admin, space.spaceId, randomId());
    a.send(h);
    b.send(h);
    const ca = await a.expect(FrameKind.Challenge);
    const cb = await b.expect(FrameKind.Challenge);
    expect(ca.nonce).toHaveLength(32);
    expect(Buffer.from(ca.nonce).equals(Buffer.from(cb.nonce))).toBe(false);
    a.send(encodeAuth(admin.sign(authSigningInput(ca.nonce, h, a.relayHost))));
    await a.expect(FrameKind.Membership);
    expect((await a.expect(FrameKind.Ready)).role).toBe(Role.Admin);
    // A signature over another connection's challenge does not open this one.
    b.send(encodeAuth(admin.sign(authSigningInput(ca.nonce, h, a.relayHost))));
    await b.expectError('AUTH_FAILED');
    expect(await b.closeCode()).toBe(4401);
  });

  it('R10: rejects an AUTH signed by another key with AUTH_FAILED and close 4401', async () => {
    const admin = createTestIdentity();
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    const c = await connect();
    await expect(c.authenticate(admin, { spaceId: space.spaceId }, createTestIdentity())).rejects.toThrow(
      /AUTH_FAILED/,
    );
    expect(await c.closeCode()).toBe(4401);
  });

  it('R10: closes a connection that does not authenticate in time with AUTH_TIMEOUT and 4508', async () => {
    const quick = await startTestRelay({ limits: { authTimeoutMs: 150 } });
    try {
      const silent = await TestClient.connect(quick.url);
      const halfway = await TestClient.connect(quick.url);
      halfway.send(hello(createTestIdentity(), randomId()));
      await halfway.expect(FrameKind.Challenge);
      for (const c of [silent, halfway]) {
        await c.expectError('AUTH_TIMEOUT', 2000);
        expect(await c.closeCode()).toBe(4508);
      }
    } finally {
      await quick.close();
    }
  });
});

describe('R11/R12 opening a space', () => {
  it('R11/R62: refuses an unknown space like a forbidden one: NOT_A_MEMBER and close 4403', async () => {
    const c = await connect();
    await expect(c.authenticate(createTestIdentity(), { spaceId: randomId() })).rejects.toThrow(/NOT_A_MEMBER/);
    expect(await c.closeCode()).toBe(4403);
  });

  it('R11/R30: creates a space from a GENESIS entry signed by the connection identity', async () => {
    const admin = createTestIdentity();
    const spaceId = randomId();
    const docId = randomId();
    const c = await connect();
    const initial = await c.authenticate(admin, { spaceId, docId, create: true });
    expect(initial.frames).toEqual([]);
    expect(initial.ready.membershipSeq).toBe(-1);
    expect(initial.ready.role).toBe(Role.None);
    const log = new MembershipLog(spaceId);
    const genesis = log.genesis(admin);
    c.send(genesis);
    const ack = await c.expectAck();
    expect([ack.ackedKind, ack.number, ack.duplicate]).toEqual([FrameKind.Membership, 0, false]);
    // The creator's connection is now an ordinary admin connection of its document.
    c.send(buildUpdate({ author: admin, spaceId, docId, clock: 1 }));
    expect((await c.expectAck()).number).toBe(1);
    // R11: CREATE on an existing space behaves like a plain HELLO.
    const [again, state] = await TestClient.open(relay.url, admin, { spaceId, create: true });
    clients.push(again);
    expect(state.ready.membershipSeq).toBe(0);
    expect(state.ready.role).toBe(Role.Admin);
    expect(Buffer.from(state.frames[0]!.raw).equals(Buffer.from(genesis))).toBe(true);
  });

  it('R11: while awaiting the genesis, refuses other frames and entries not signed by the connection identity', async () => {
    const admin = createTestIdentity();
    const other = createTestIdentity();
    const spaceId = randomId();
    const docId = randomId();
    const c = await connect();
    await c.authenticate(admin, { spaceId, docId, create: true });
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(new MembershipLog(spaceId).genesis(other));
      await c.expectError('AUTHOR_MISMATCH');
      c.send(
        buildMembership({
          signer: admin,
          spaceId,
          seq: 0,
          action: MembershipAction.Add,
          subject: other.publicKey,
          role: Role.Editor,
          sealedFor: [other.publicKey],
        }),
      );
      await c.expectError('INVALID_MEMBERSHIP');
      c.send(new MembershipLog(randomId()).genesis(admin));
      await c.expectError('WRONG_TARGET');
      c.send(buildUpdate({ author: admin, spaceId, docId, clock: 1 }));
      await c.expectError('UNEXPECTED_FRAME');
      expect(await c.closeCode()).toBe(4400);
    });
    const after = await connect();
    await expect(after.authenticate(admin, { spaceId })).rejects.toThrow(/NOT_A_MEMBER/);
  });

  it('R30: refuses a genesis that breaks its rules (role, epoch, sealed key) with INVALID_MEMBERSHIP', async () => {
    const admin = createTestIdentity();
    const spaceId = randomId();
    const c = await connect();
    await c.authenticate(admin, { spaceId, create: true });
    const base = { signer: admin, spaceId, seq: 0, action: MembershipAction.Genesis, subject: admin.publicKey };
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(buildMembership({ ...base, role: Role.Editor, sealedFor: [admin.publicKey] }));
      await c.expectError('INVALID_MEMBERSHIP');
      c.send(buildMembership({ ...base, role: Role.Admin, epoch: 1, sealedFor: [admin.publicKey] }));
      await c.expectError('INVALID_MEMBERSHIP');
      c.send(buildMembership({ ...base, role: Role.Admin, sealedFor: [] }));
      await c.expectError('INVALID_MEMBERSHIP');
      c.send(
        buildMembership({ ...base, role: Role.Admin, sealedFor: [admin.publicKey], signWith: createTestIdentity() }),
      );
      await c.expectError('BAD_SIGNATURE');
    });
    c.send(new MembershipLog(spaceId).genesis(admin));
    await c.expectAck();
  });

  it('R12: refuses an identity that is not a member with NOT_A_MEMBER and close 4403', async () => {
    const admin = createTestIdentity();
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    for (const docId of [undefined, randomId()]) {
      const c = await connect();
      await expect(
        c.authenticate(createTestIdentity(), { spaceId: space.spaceId, ...(docId ? { docId } : {}) }),
      ).rejects.toThrow(/NOT_A_MEMBER/);
      expect(await c.closeCode()).toBe(4403);
    }
  });

  it('accepts any suffix after /ws (y-websocket appends the room name)', async () => {
    const admin = createTestIdentity();
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    const c = await connect(`${relay.url}/some-room-name`);
    const initial = await c.authenticate(admin, { spaceId: space.spaceId, docId: randomId() });
    expect(initial.ready.role).toBe(Role.Admin);
  });
});

describe('R1-R4 framing', () => {
  it('R4: refuses a frame not allowed in the current state with UNEXPECTED_FRAME and close 4400', async () => {
    const admin = createTestIdentity();
    const spaceId = randomId();
    const cases: Array<(c: TestClient) => Promise<void>> = [
      async (c) => c.send(buildUpdate({ author: admin, spaceId, docId: randomId(), clock: 1 })),
      async (c) => c.send(encodeChallenge(new Uint8Array(32))),
      async (c) => {
        c.send(hello(admin, spaceId));
        await c.expect(FrameKind.Challenge);
        c.send(hello(admin, spaceId));
      },
    ];
    for (const run of cases) {
      const c = await connect();
      await run(c);
      await c.expectError('UNEXPECTED_FRAME');
      expect(await c.closeCode()).toBe(4400);
    }
    // A second HELLO after READY, too.
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    const [open] = await TestClient.open(relay.url, admin, { spaceId: space.spaceId });
    clients.push(open);
    open.send(hello(admin, space.spaceId));
    await open.expectError('UNEXPECTED_FRAME');
    expect(await open.closeCode()).toBe(4400);
  });

  it('R2: refuses malformed frames and text messages with MALFORMED_FRAME and close 4400', async () => {
    const admin = createTestIdentity();
    const h = hello(admin, randomId());
    const malformed = [
      h.subarray(0, h.length - 1),
      Buffer.concat([h, Buffer.from([0])]),
      Uint8Array.from([PROTOCOL_VERSION, 0x7f, 0, 0]),
      Uint8Array.from([PROTOCOL_VERSION]),
      'HELLO',
    ];
    for (const bytes of malformed) {
      const c = await connect();
      c.send(bytes);
      await c.expectError('MALFORMED_FRAME');
      expect(await c.closeCode()).toBe(4400);
    }
  });

  it('R2: refuses a malformed frame after AUTH without storing anything', async () => {
    const admin = createTestIdentity();
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    const docId = randomId();
    const [c] = await TestClient.open(relay.url, admin, { spaceId: space.spaceId, docId });
    clients.push(c);
    const update = buildUpdate({ author: admin, spaceId: space.spaceId, docId, clock: 1 });
    const broken = new Uint8Array(update);
    broken[162] = (broken[162]! + 1) & 0xff; // ciphertext length no longer matches the frame
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(broken);
      const err = await c.expectError('MALFORMED_FRAME');
      expect(err.refKind).toBe(FrameKind.Update);
      expect(await c.closeCode()).toBe(4400);
    });
  });

  it('R1: refuses another protocol version with UNSUPPORTED_VERSION and close 4426', async () => {
    const h = hello(createTestIdentity(), randomId());
    h[0] = 1; // a client of protocol 1
    const c = await connect();
    c.send(h);
    await c.expectError('UNSUPPORTED_VERSION');
    expect(await c.closeCode()).toBe(4426);
  });

  it('R3: refuses an UPDATE over 2 MiB with FRAME_TOO_LARGE and close 4413, storing nothing', async () => {
    const admin = createTestIdentity();
    const space = await createTestSpace(relay.url, admin);
    clients.push(space.control);
    const docId = randomId();
    const [c] = await TestClient.open(relay.url, admin, { spaceId: space.spaceId, docId });
    clients.push(c);
    const big = buildUpdate({
      author: admin,
      spaceId: space.spaceId,
      docId,
      clock: 1,
      ciphertext: new Uint8Array(LIMITS.maxUpdateBytes),
    });
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(big);
      const err = await c.expectError('FRAME_TOO_LARGE');
      expect(err.refKind).toBe(FrameKind.Update);
      expect(await c.closeCode()).toBe(4413);
    });
  });

  it('R3: the websocket layer refuses messages over 16 MiB + 64 KiB outright (close 1009)', async () => {
    const c = await connect();
    c.send(new Uint8Array(LIMITS.maxFrameBytes + 64 * 1024 + 1));
    expect(await c.closeCode(5000)).toBe(1009);
  });
});
