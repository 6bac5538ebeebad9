import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  bytesEqual,
  encodeInviteWrap,
  FrameKind,
  MembershipAction,
  PROTOCOL_VERSION,
  Role,
  ZERO_HASH,
} from '@trame/protocol';
import { buildMembership, buildUpdate } from '../testing/buildFrames.js';
import { MembershipLog } from '../testing/MembershipLog.js';
import { createTestIdentity, type TestIdentity } from '../testing/createTestIdentity.js';
import { expectStorageUnchanged } from '../testing/expectStorageUnchanged.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient, type HelloOptions, type InitialFrames } from '../testing/TestClient.js';

let relay: TestRelay;
let clock = 1_800_000_000_000;
const clients: TestClient[] = [];

beforeAll(async () => {
  relay = await startTestRelay({ now: () => clock });
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

async function space(): Promise<Awaited<ReturnType<typeof createTestSpace>>> {
  const s = await createTestSpace(relay.url, createTestIdentity());
  clients.push(s.control);
  return s;
}

describe('R31/R32 appending entries', () => {
  it('R32/R33: an admin adds an editor and a viewer; entries reach every connection of the space', async () => {
    const s = await space();
    const editor = createTestIdentity();
    const viewer = createTestIdentity();
    const docA = randomId();
    const [adminDoc] = await open(s.admin, { spaceId: s.spaceId, docId: docA });
    const [adminOtherDoc] = await open(s.admin, { spaceId: s.spaceId, docId: randomId() });
    const addEditor = s.log.next(s.admin, MembershipAction.Add, editor.publicKey, Role.Editor);
    s.control.send(addEditor);
    const ack = await s.control.expectAck();
    expect([ack.ackedKind, ack.number, ack.duplicate]).toEqual([FrameKind.Membership, 1, false]);
    s.log.accepted(addEditor);
    await s.add(viewer, Role.Viewer);
    for (const c of [adminDoc, adminOtherDoc]) {
      const e1 = await c.expect(FrameKind.Membership);
      const e2 = await c.expect(FrameKind.Membership);
      expect([e1.seq, e2.seq]).toEqual([1, 2]);
      expect(bytesEqual(e1.raw, addEditor)).toBe(true);
    }
    // The sender gets its ACK, not a copy.
    await s.control.expectNothing();
    const [, asEditor] = await open(editor, { spaceId: s.spaceId, docId: docA });
    expect(asEditor.ready.role).toBe(Role.Editor);
    expect(asEditor.frames.map((f) => f.kind)).toEqual([
      FrameKind.Membership,
      FrameKind.Membership,
      FrameKind.Membership,
    ]);
    const [, asViewer] = await open(viewer, { spaceId: s.spaceId });
    expect(asViewer.ready.role).toBe(Role.Viewer);
    expect(asViewer.ready.membershipSeq).toBe(2);
  });

  it('R31: refuses an entry whose signature does not verify with BAD_SIGNATURE', async () => {
    const s = await space();
    const forged = s.log.next(s.admin, MembershipAction.Add, createTestIdentity().publicKey, Role.Admin, {
      signWith: createTestIdentity(),
    });
    await expectStorageUnchanged(relay.dbFile, async () => {
      s.control.send(forged);
      const err = await s.control.expectError('BAD_SIGNATURE');
      expect([err.refKind, err.refNumber]).toEqual([FrameKind.Membership, 1]);
    });
    expect(s.control.isClosed).toBe(false);
  });

  it('R31: refuses a wrong seq or prevHash with MEMBERSHIP_CHAIN', async () => {
    const s = await space();
    const subject = createTestIdentity().publicKey;
    await expectStorageUnchanged(relay.dbFile, async () => {
      s.control.send(s.log.next(s.admin, MembershipAction.Add, subject, Role.Editor, { seq: 2 }));
      await s.control.expectError('MEMBERSHIP_CHAIN');
      s.control.send(s.log.next(s.admin, MembershipAction.Add, subject, Role.Editor, { prevHash: ZERO_HASH }));
      await s.control.expectError('MEMBERSHIP_CHAIN');
      // A second genesis is out of chain too.
      s.control.send(s.log.genesis(s.admin).slice());
      await s.control.expectError('MEMBERSHIP_CHAIN');
    });
  });

  it('R31: refuses an entry signed by a non-admin with FORBIDDEN_ROLE and keeps the connection open', async () => {
    const s = await space();
    const editor = createTestIdentity();
    await s.add(editor, Role.Editor);
    const [c] = await open(editor, { spaceId: s.spaceId });
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(s.log.next(editor, MembershipAction.Add, createTestIdentity().publicKey, Role.Editor));
      await c.expectError('FORBIDDEN_ROLE');
      c.send(s.log.next(editor, MembershipAction.SetRole, editor.publicKey, Role.Admin));
      await c.expectError('FORBIDDEN_ROLE');
    });
    expect(c.isClosed).toBe(false);
  });

  it('R32: refuses entries that break the action rules with INVALID_MEMBERSHIP (ROTATE included)', async () => {
    const s = await space();
    const editor = createTestIdentity();
    await s.add(editor, Role.Editor);
    const stranger = createTestIdentity().publicKey;
    const bad = [
      s.log.next(s.admin, MembershipAction.Add, editor.publicKey, Role.Viewer), // already a member
      s.log.next(s.admin, MembershipAction.Add, stranger, Role.None), // no role
      s.log.next(s.admin, MembershipAction.Add, stranger, Role.Editor, { epoch: 3 }), // not the current epoch
      s.log.next(s.admin, MembershipAction.Add, stranger, Role.Editor, { sealedFor: [] }), // no bundle
      s.log.next(s.admin, MembershipAction.SetRole, stranger, Role.Editor), // not a member
      s.log.next(s.admin, MembershipAction.Remove, editor.publicKey, Role.Viewer), // REMOVE carries role none
      s.log.next(s.admin, MembershipAction.Remove, s.admin.publicKey, Role.None), // last admin
      s.log.next(s.admin, MembershipAction.SetRole, s.admin.publicKey, Role.Editor), // last admin
      s.log.next(s.admin, MembershipAction.Rotate, s.admin.publicKey, Role.Admin, {
        epoch: 1,
        sealedFor: [s.admin.publicKey, editor.publicKey],
      }),
    ];
    await expectStorageUnchanged(relay.dbFile, async () => {
      for (const entry of bad) {
        s.control.send(entry);
        await s.control.expectError('INVALID_MEMBERSHIP');
      }
    });
  });

  it('R14/R21: a byte-identical resend of a stored entry is acknowledged as DUPLICATE and not forwarded', async () => {
    const s = await space();
    const [watcher] = await open(s.admin, { spaceId: s.spaceId, docId: randomId() });
    const entry = s.log.next(s.admin, MembershipAction.Add, createTestIdentity().publicKey, Role.Viewer);
    await s.append(entry);
    await watcher.expect(FrameKind.Membership);
    await expectStorageUnchanged(relay.dbFile, async () => {
      s.control.send(entry);
      const ack = await s.control.expectAck();
      expect([ack.number, ack.duplicate]).toEqual([1, true]);
    });
    await watcher.expectNothing();
  });
});

describe('R33 removal', () => {
  it('R33: a REMOVE closes every connection of the removed identity with 4403, after forwarding the entry', async () => {
    const s = await space();
    const editor = createTestIdentity();
    const other = createTestIdentity();
    await s.add(editor, Role.Editor);
    await s.add(other, Role.Editor);
    const docId = randomId();
    const [editorDoc] = await open(editor, { spaceId: s.spaceId, docId });
    const [editorSpace] = await open(editor, { spaceId: s.spaceId });
    const [otherDoc] = await open(other, { spaceId: s.spaceId, docId });
    const remove = s.log.next(s.admin, MembershipAction.Remove, editor.publicKey, Role.None);
    await s.append(remove);
    for (const c of [editorDoc, editorSpace]) {
      expect(bytesEqual((await c.expect(FrameKind.Membership)).raw, remove)).toBe(true);
      expect(await c.closeCode()).toBe(4403);
    }
    expect(bytesEqual((await otherDoc.expect(FrameKind.Membership)).raw, remove)).toBe(true);
    expect(otherDoc.isClosed).toBe(false);
    const again = await TestClient.connect(relay.url);
    clients.push(again);
    await expect(again.authenticate(editor, { spaceId: s.spaceId, docId })).rejects.toThrow(/NOT_A_MEMBER/);
  });

  it('R33: after a REMOVE, a write from the removed identity is not stored', async () => {
    const s = await space();
    const editor = createTestIdentity();
    await s.add(editor, Role.Editor);
    const docId = randomId();
    const [c] = await open(editor, { spaceId: s.spaceId, docId });
    await s.append(s.log.next(s.admin, MembershipAction.Remove, editor.publicKey, Role.None));
    c.send(buildUpdate({ author: editor, spaceId: s.spaceId, docId, clock: 1 }));
    expect(await c.closeCode()).toBe(4403);
    const [, state] = await open(s.admin, { spaceId: s.spaceId, docId });
    expect(state.ready.tailCount).toBe(0);
  });
});

describe('R35 invites', () => {
  it('R35: an invite identity may open only the space-level connection, and its ACCEPT adds the newcomer', async () => {
    const s = await space();
    const invite = createTestIdentity();
    const newcomer = createTestIdentity();
    await s.append(
      s.log.next(s.admin, MembershipAction.Invite, invite.publicKey, Role.Editor, {
        expiresAt: Math.floor(clock / 1000) + 3600,
      }),
    );
    const refused = await TestClient.connect(relay.url);
    clients.push(refused);
    await expect(refused.authenticate(invite, { spaceId: s.spaceId, docId: randomId() })).rejects.toThrow(
      /NOT_A_MEMBER/,
    );
    const [c, initial] = await open(invite, { spaceId: s.spaceId });
    expect(initial.ready.role).toBe(Role.None);
    // R75: its invite's wrap secret, then the log.
    expect(initial.frames.map((f) => f.kind)).toEqual([
      FrameKind.InviteWrap,
      FrameKind.Membership,
      FrameKind.Membership,
    ]);
    const accept = s.log.next(invite, MembershipAction.Accept, newcomer.publicKey, Role.Editor);
    c.send(accept);
    expect((await c.expectAck()).number).toBe(2);
    s.log.accepted(accept);
    // The invite is consumed: its identity has nothing left to do here.
    expect(await c.closeCode()).toBe(4403);
    expect(bytesEqual((await s.control.expect(FrameKind.Membership)).raw, accept)).toBe(true);
    const [, asNewcomer] = await open(newcomer, { spaceId: s.spaceId, docId: randomId() });
    expect(asNewcomer.ready.role).toBe(Role.Editor);
  });

  it('R35: an expired invite can neither connect nor be accepted (relay clock)', async () => {
    const s = await space();
    const invite = createTestIdentity();
    const expiresAt = Math.floor(clock / 1000) + 60;
    await s.append(s.log.next(s.admin, MembershipAction.Invite, invite.publicKey, Role.Viewer, { expiresAt }));
    const [c] = await open(invite, { spaceId: s.spaceId });
    clock += 61_000;
    await expectStorageUnchanged(relay.dbFile, async () => {
      c.send(s.log.next(invite, MembershipAction.Accept, createTestIdentity().publicKey, Role.Viewer));
      await c.expectError('INVALID_MEMBERSHIP');
    });
    const late = await TestClient.connect(relay.url);
    clients.push(late);
    await expect(late.authenticate(invite, { spaceId: s.spaceId })).rejects.toThrow(/NOT_A_MEMBER/);
  });

  it('R35: revoking an invite (REMOVE of the invite identity) closes its connection', async () => {
    const s = await space();
    const invite = createTestIdentity();
    await s.append(s.log.next(s.admin, MembershipAction.Invite, invite.publicKey, Role.Viewer));
    const [c] = await open(invite, { spaceId: s.spaceId });
    await s.append(s.log.next(s.admin, MembershipAction.Remove, invite.publicKey, Role.None));
    await c.expect(FrameKind.Membership);
    expect(await c.closeCode()).toBe(4403);
  });
});

describe('R75/R78 invite wrap secrets (MEMBERSHIP-3)', () => {
  const wrapsOf = (spaceId: Uint8Array): number =>
    (
      new Database(relay.dbFile, { readonly: true })
        .prepare('SELECT COUNT(*) AS n FROM invite_wraps WHERE space_id = ?')
        .get(Buffer.from(spaceId)) as { n: number }
    ).n;

  it('R75: an INVITE without its INVITE_WRAP is INVITE_WRAP_MISSING and changes nothing', async () => {
    const s = await space();
    const invite = createTestIdentity();
    const entry = s.log.next(s.admin, MembershipAction.Invite, invite.publicKey, Role.Viewer);
    await expectStorageUnchanged(relay.dbFile, async () => {
      s.control.send(entry);
      await s.control.expectError('INVITE_WRAP_MISSING');
      // The wrap of another invite identity does not count either.
      s.control.send(
        encodeInviteWrap({
          invite: createTestIdentity().publicKey,
          seq: s.log.seq + 1,
          wrap: new Uint8Array(32).fill(1),
        }),
      );
      s.control.send(entry);
      await s.control.expectError('INVITE_WRAP_MISSING');
    });
  });

  it('R75: the relay hands the wrap only to the authenticated invite identity, then deletes it at ACCEPT (R78)', async () => {
    const s = await space();
    const invite = createTestIdentity();
    const wrap = new Uint8Array(32).fill(0x5e);
    s.control.send(encodeInviteWrap({ invite: invite.publicKey, seq: s.log.seq + 1, wrap }));
    const entry = s.log.next(s.admin, MembershipAction.Invite, invite.publicKey, Role.Viewer);
    s.control.send(entry);
    await s.control.expect(FrameKind.Ack);
    s.log.accepted(entry);
    expect(wrapsOf(s.spaceId)).toBe(1);
    const [, asAdmin] = await open(s.admin, { spaceId: s.spaceId });
    expect(asAdmin.frames.some((f) => f.kind === FrameKind.InviteWrap)).toBe(false);
    const [c, initial] = await open(invite, { spaceId: s.spaceId });
    const first = initial.frames[0]!;
    expect(first.kind).toBe(FrameKind.InviteWrap);
    expect(first.kind === FrameKind.InviteWrap && bytesEqual(first.wrap, wrap)).toBe(true);
    const accept = s.log.next(invite, MembershipAction.Accept, createTestIdentity().publicKey, Role.Viewer);
    c.send(accept);
    await c.expectAck();
    expect(wrapsOf(s.spaceId)).toBe(0);
  });

  it("R78: revoking an invite deletes its wrap; an expired invite's wrap goes at the next sweep", async () => {
    const s = await space();
    const revoked = createTestIdentity();
    const expiring = createTestIdentity();
    await s.append(s.log.next(s.admin, MembershipAction.Invite, revoked.publicKey, Role.Viewer));
    await s.append(
      s.log.next(s.admin, MembershipAction.Invite, expiring.publicKey, Role.Viewer, {
        expiresAt: Math.floor(clock / 1000) + 60,
      }),
    );
    expect(wrapsOf(s.spaceId)).toBe(2);
    await s.append(s.log.next(s.admin, MembershipAction.Remove, revoked.publicKey, Role.None));
    expect(wrapsOf(s.spaceId)).toBe(1);
    await relay.running.relay.sweepInviteWraps();
    expect(wrapsOf(s.spaceId)).toBe(1);
    clock += 61_000;
    expect(await relay.running.relay.sweepInviteWraps()).toBeGreaterThanOrEqual(1);
    expect(wrapsOf(s.spaceId)).toBe(0);
  });
});

describe('R38 spaces written under protocol 3', () => {
  it('R38/R121: a space whose log was written under protocols 3 and 4 is served and grows with version 5 entries', async () => {
    const admin = createTestIdentity();
    const editor = createTestIdentity();
    const spaceId = randomId();
    const log = new MembershipLog(spaceId);
    const [control] = await open(admin, { spaceId, create: true });
    const genesis = buildMembership({
      signer: admin,
      spaceId,
      seq: 0,
      action: MembershipAction.Genesis,
      subject: admin.publicKey,
      role: Role.Admin,
      sealedFor: [admin.publicKey],
      version: 3,
    });
    control.send(genesis);
    expect((await control.expectAck()).number).toBe(0);
    log.accepted(genesis);
    const addV4 = log.next(admin, MembershipAction.Add, editor.publicKey, Role.Viewer, { version: 4 });
    control.send(addV4);
    expect((await control.expectAck()).number).toBe(1);
    log.accepted(addV4);
    const setV4 = log.next(admin, MembershipAction.SetRole, editor.publicKey, Role.Editor);
    expect(setV4[0]).toBe(PROTOCOL_VERSION);
    control.send(setV4);
    expect((await control.expectAck()).number).toBe(2);
    const [, state] = await open(editor, { spaceId, docId: randomId() });
    expect(state.ready.role).toBe(Role.Editor);
    expect(state.frames.map((f) => f.raw[0])).toEqual([3, 4, 5]);
  });
});
