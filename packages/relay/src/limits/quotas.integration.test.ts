import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeFrame,
  ERROR_CODES,
  FrameKind,
  Role,
  TRAME_SUBPROTOCOL,
  type MembershipFrame,
  type SnapshotFrame,
} from '@trame/protocol';
import { CREATION_TOKEN_PREFIX } from '../admission/SpaceCreationPolicy.js';
import { acceptMembership } from '../space/acceptMembership.js';
import { buildSnapshot, buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { MembershipLog } from '../testing/MembershipLog.js';
import { randomId } from '../testing/randomId.js';
import { snapshotProofOf } from '../testing/snapshotProofOf.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay, type TestRelayOptions } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';

const relays: TestRelay[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(relays.splice(0).map((r) => r.close()));
});

async function relay(options: TestRelayOptions): Promise<TestRelay> {
  const r = await startTestRelay(options);
  relays.push(r);
  return r;
}

const KiB = 1024;

describe('HOSTILE-3 quotas (R65)', () => {
  it('HOSTILE-3: an editor writing large updates as fast as it can is held to its identity byte budget, told when to retry', async () => {
    const r = await relay({
      limits: {
        bytesPerSecondPerIdentity: 64 * KiB,
        byteBurstPerIdentity: 256 * KiB,
        maxTailUpdates: 10_000,
        maxTailBytes: 1 << 30,
      },
    });
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const docId = randomId();
    // Two connections of one identity share its budget.
    const [a] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    const [b] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    clients.push(a, b);
    const ciphertext = new Uint8Array(32 * KiB);
    const started = performance.now();
    let clock = 0;
    let accepted = 0;
    let refused = '';
    for (let i = 0; i < 24; i++) {
      const c = i % 2 ? b : a;
      clock += 1;
      c.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock, ciphertext }));
      let answer = await c.next();
      while (answer.kind === FrameKind.Update) answer = await c.next();
      if (answer.kind === FrameKind.Ack) accepted += 1;
      else if (answer.kind === FrameKind.Error) {
        refused = answer.message;
        clock -= 1;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    expect(refused).toMatch(/byte budget of the identity: retry in \d+ ms/);
    // At most the burst plus what the rate refilled meanwhile (frames are ~32.2 KiB).
    expect(accepted * 32 * KiB).toBeLessThanOrEqual(256 * KiB + 64 * KiB * seconds + 32 * KiB);
    expect(accepted).toBeGreaterThanOrEqual(7);
  });

  it('HOSTILE-3: members of one space share its byte budget; another space is not affected', async () => {
    const r = await relay({ limits: { bytesPerSecondPerSpace: 16 * KiB, byteBurstPerSpace: 128 * KiB } });
    const admin = createTestIdentity();
    const editor = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    await s.add(editor, Role.Editor);
    const docId = randomId();
    const ciphertext = new Uint8Array(40 * KiB);
    const adminDoc = randomId();
    const [a] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId: adminDoc });
    const [e] = await TestClient.open(r.url, editor, { spaceId: s.spaceId, docId });
    clients.push(a, e);
    a.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId: adminDoc, clock: 1, ciphertext }));
    await a.expectAck();
    for (let clock = 1; clock <= 2; clock++) {
      e.send(buildUpdate({ author: editor, spaceId: s.spaceId, docId, clock, ciphertext }));
      await e.expectAck();
    }
    e.send(buildUpdate({ author: editor, spaceId: s.spaceId, docId, clock: 3, ciphertext }));
    expect((await e.expectError('RATE_LIMITED')).message).toMatch(/byte budget of the space/);
    // A different space, its own budget.
    const other = createTestIdentity();
    const s2 = await createTestSpace(r.url, other);
    clients.push(s2.control);
    const doc2 = randomId();
    const [o] = await TestClient.open(r.url, other, { spaceId: s2.spaceId, docId: doc2 });
    clients.push(o);
    o.send(buildUpdate({ author: other, spaceId: s2.spaceId, docId: doc2, clock: 1, ciphertext }));
    await o.expectAck();
  });

  it('HOSTILE-3: the relay forces compaction: past the tail bound, updates wait for a SNAPSHOT', async () => {
    const r = await relay({ limits: { maxTailUpdates: 5, maxTailBytes: 1 << 30 } });
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const docId = randomId();
    const [c] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    clients.push(c);
    const sent: Uint8Array[] = [];
    for (let clock = 1; clock <= 5; clock++) {
      sent.push(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock }));
      c.send(sent.at(-1)!);
      await c.expectAck();
    }
    c.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 6 }));
    await c.expectError('COMPACTION_REQUIRED');
    // A re-send of a stored update is still a duplicate ACK (R21).
    c.send(sent[4]!);
    expect((await c.expectAck()).duplicate).toBe(true);
    const snapshotId = randomId();
    c.send(
      buildSnapshot({
        author: admin,
        spaceId: s.spaceId,
        docId,
        snapshotId,
        height: 1,
        proof: snapshotProofOf(),
        clocks: [{ author: admin.publicKey, clock: 5 }],
      }),
    );
    await c.expectAck();
    c.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 1, snapshotId }));
    expect((await c.expectAck()).number).toBe(1);
  });

  it('HOSTILE-3: R67, a space stores at most its quota of bytes: past it updates are QUOTA_EXCEEDED (told when to retry, nothing lost, other spaces unaffected) and compaction frees room', async () => {
    const r = await relay({
      limits: { maxStoredBytesPerSpace: 160 * KiB, storedBytesSnapshotHeadroom: 64 * KiB, maxTailBytes: 1 << 30 },
    });
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const docId = randomId();
    const [c] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId });
    clients.push(c);
    const ciphertext = new Uint8Array(32 * KiB);
    const sent: Uint8Array[] = [];
    let refused = '';
    for (let clock = 1; clock <= 10 && !refused; clock++) {
      const raw = buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock, ciphertext });
      c.send(raw);
      const answer = await c.next();
      if (answer.kind === FrameKind.Ack) sent.push(raw);
      else if (answer.kind === FrameKind.Error) {
        expect(answer.code).toBe(ERROR_CODES.QUOTA_EXCEEDED);
        refused = answer.message;
      }
    }
    expect(refused).toMatch(/retry in \d+ s/);
    expect(sent.length).toBe(4);
    // The connection is kept, and a stored update re-sent is still a duplicate ACK (R21).
    c.send(sent.at(-1)!);
    expect((await c.expectAck()).duplicate).toBe(true);
    // Another space is not affected.
    const other = createTestIdentity();
    const s2 = await createTestSpace(r.url, other);
    clients.push(s2.control);
    const doc2 = randomId();
    const [o] = await TestClient.open(r.url, other, { spaceId: s2.spaceId, docId: doc2 });
    clients.push(o);
    o.send(buildUpdate({ author: other, spaceId: s2.spaceId, docId: doc2, clock: 1, ciphertext }));
    await o.expectAck();
    // Compaction still goes through (the headroom), and the second snapshot prunes the old tail.
    const s1 = buildSnapshot({
      author: admin,
      spaceId: s.spaceId,
      docId,
      snapshotId: randomId(),
      height: 1,
      proof: snapshotProofOf(),
      clocks: [{ author: admin.publicKey, clock: sent.length }],
    });
    c.send(s1);
    await c.expectAck();
    const s1f = decodeFrame(s1) as SnapshotFrame;
    const s2Id = randomId();
    c.send(
      buildSnapshot({
        author: admin,
        spaceId: s.spaceId,
        docId,
        snapshotId: s2Id,
        parentId: s1f.snapshotId,
        height: 2,
        proof: snapshotProofOf({ proof: s1f.proof, raw: s1 }),
        clocks: [],
      }),
    );
    await c.expectAck();
    c.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 1, snapshotId: s2Id, ciphertext }));
    expect((await c.expectAck()).number).toBe(1);
  });

  it('HOSTILE-3: space creation is limited per client address; other addresses still create', async () => {
    const r = await relay({
      trustedProxyHeader: 'x-forwarded-for',
      limits: { spaceCreationsPerHourPerAddress: 1, spaceCreationBurstPerAddress: 3 },
    });
    const create = async (from: string): Promise<string> => {
      const c = await TestClient.connect(r.url, { headers: { 'x-forwarded-for': from } });
      clients.push(c);
      const who = createTestIdentity();
      const spaceId = randomId();
      await c.authenticate(who, { spaceId, create: true });
      c.send(new MembershipLog(spaceId).genesis(who));
      const answer = await c.next();
      return answer.kind === FrameKind.Ack ? 'created' : answer.kind === FrameKind.Error ? answer.message : 'other';
    };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await create('203.0.113.5'));
    expect(results.slice(0, 3)).toEqual(['created', 'created', 'created']);
    expect(results[3]).toMatch(/space creation limit: retry in \d+ s/);
    expect(await create('203.0.113.6')).toBe('created');
  });

  it('HOSTILE-3: R68, space creation policy "members": a key pair in no space is CREATION_FORBIDDEN (close 4403); a member of a space creates', async () => {
    const r = await relay({ spaceCreation: { mode: 'members' } });
    const genesis = async (who: ReturnType<typeof createTestIdentity>) => {
      const c = await TestClient.connect(r.url);
      clients.push(c);
      const spaceId = randomId();
      await c.authenticate(who, { spaceId, create: true });
      c.send(new MembershipLog(spaceId).genesis(who));
      return c;
    };
    const stranger = await genesis(createTestIdentity());
    expect((await stranger.expectError('CREATION_FORBIDDEN')).message).toMatch(/members/);
    expect(await stranger.closeCode(10_000)).toBe(4403);
    // A member of a space (created by the operator before switching to this policy).
    const member = createTestIdentity();
    const log = new MembershipLog(randomId());
    const first = log.genesis(member);
    await r.storage.withSpace(log.spaceId, (tx) =>
      acceptMembership(tx, decodeFrame(first) as MembershipFrame, {
        spaceId: log.spaceId,
        nowSeconds: 0,
        create: true,
      }),
    );
    const c = await genesis(member);
    expect((await c.expectAck()).number).toBe(0);
  });

  it('HOSTILE-3: R68, space creation policy "token": only a connection offering the operator token creates; a wrong token is CREATION_FORBIDDEN', async () => {
    const token = 'operator-token-4f9a1c2e77';
    const r = await relay({ spaceCreation: { mode: 'token', token } });
    const create = async (protocols: string[]): Promise<TestClient> => {
      const c = await TestClient.connect(r.url, { protocols });
      clients.push(c);
      const who = createTestIdentity();
      const spaceId = randomId();
      await c.authenticate(who, { spaceId, create: true });
      c.send(new MembershipLog(spaceId).genesis(who));
      return c;
    };
    const without = await create([TRAME_SUBPROTOCOL]);
    expect((await without.expectError('CREATION_FORBIDDEN')).message).toMatch(/token/);
    const wrong = await create([TRAME_SUBPROTOCOL, `${CREATION_TOKEN_PREFIX}not-the-token`]);
    await wrong.expectError('CREATION_FORBIDDEN');
    const holder = await create([TRAME_SUBPROTOCOL, `${CREATION_TOKEN_PREFIX}${token}`]);
    expect((await holder.expectAck()).number).toBe(0);
    // Joining an existing space needs no token.
    const admin = createTestIdentity();
    const c = await TestClient.connect(r.url, { protocols: [TRAME_SUBPROTOCOL, `${CREATION_TOKEN_PREFIX}${token}`] });
    clients.push(c);
    const spaceId = randomId();
    await c.authenticate(admin, { spaceId, create: true });
    c.send(new MembershipLog(spaceId).genesis(admin));
    await c.expectAck();
    const [viewer] = await TestClient.open(r.url, admin, { spaceId });
    clients.push(viewer);
  });
});
