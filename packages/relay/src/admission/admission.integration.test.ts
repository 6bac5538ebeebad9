import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Role, TRAME_SUBPROTOCOL } from '@trame/protocol';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { MembershipLog } from '../testing/MembershipLog.js';
import { randomId } from '../testing/randomId.js';
import { clientFrameHeader, rawUpgrade, socketEnded } from '../testing/rawUpgrade.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay, type TestRelayOptions } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';

const relays: TestRelay[] = [];
const clients: TestClient[] = [];
const sockets: Array<{ destroy(): void }> = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(relays.splice(0).map((r) => r.close()));
});

async function relay(options: TestRelayOptions = {}): Promise<TestRelay> {
  const r = await startTestRelay(options);
  relays.push(r);
  return r;
}

async function client(url: string, from?: string): Promise<TestClient> {
  const c = await TestClient.connect(url, from ? { headers: { 'x-forwarded-for': from } } : {});
  clients.push(c);
  return c;
}

/** The status an upgrade is answered with: 'open', or the HTTP status of the refusal. */
function upgradeStatus(url: string, protocols: string[], from?: string): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, from ? { headers: { 'x-forwarded-for': from } } : {});
    ws.once('open', () => {
      sockets.push({ destroy: () => ws.terminate() });
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

describe('HOSTILE-1 memory and places before authentication (R60)', () => {
  it('HOSTILE-1: an unfinished 16 MiB message before AUTH is refused at its header, not buffered', async () => {
    const r = await relay();
    const up = await rawUpgrade(r.running.httpUrl, { protocol: TRAME_SUBPROTOCOL });
    sockets.push(up.socket);
    expect(up.status).toBe(101);
    const ended = socketEnded(up.socket);
    up.socket.write(clientFrameHeader(2, true, 16 * 1024 * 1024));
    up.socket.write(Buffer.alloc(64 * 1024));
    const { closed, received } = await ended;
    expect(closed).toBe(true);
    // A close frame (opcode 8) with 1009: message too big.
    expect(received[0]).toBe(0x88);
    expect(received.readUInt16BE(2)).toBe(1009);
  });

  it('HOSTILE-1: fragments before AUTH count together against the handshake limit', async () => {
    const r = await relay({ limits: { handshakeMaxPayloadBytes: 1024 } });
    const up = await rawUpgrade(r.running.httpUrl, { protocol: TRAME_SUBPROTOCOL });
    sockets.push(up.socket);
    const ended = socketEnded(up.socket);
    up.socket.write(Buffer.concat([clientFrameHeader(2, false, 600), Buffer.alloc(600)]));
    up.socket.write(Buffer.concat([clientFrameHeader(0, false, 600), Buffer.alloc(600)]));
    const { closed, received } = await ended;
    expect(closed).toBe(true);
    expect(received.readUInt16BE(2)).toBe(1009);
  });

  it('HOSTILE-1: a CREATE connection that authenticates and sends no GENESIS is closed at the deadline', async () => {
    const r = await relay({ limits: { authTimeoutMs: 1000 } });
    const c = await client(r.url);
    const initial = await c.authenticate(createTestIdentity(), { spaceId: randomId(), create: true });
    expect(initial.ready.role).toBe(Role.None);
    await c.expectError('AUTH_TIMEOUT', 4000);
    expect(await c.closeCode()).toBe(4508);
  });

  it('HOSTILE-1: while waiting for its GENESIS a connection may not send more than a membership entry', async () => {
    const r = await relay({ limits: { nonMemberMaxPayloadBytes: 8 * 1024 } });
    const c = await client(r.url);
    await c.authenticate(createTestIdentity(), { spaceId: randomId(), create: true });
    c.send(new Uint8Array(9 * 1024));
    expect(await c.closeCode()).toBe(1009);
  });

  it('HOSTILE-1: members get the full frame size once admitted', async () => {
    const r = await relay({ limits: { handshakeMaxPayloadBytes: 512, nonMemberMaxPayloadBytes: 1024 } });
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const [c] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId: randomId() });
    clients.push(c);
    // 64 KiB of garbage: parsed and refused as a frame (not at the websocket layer).
    c.send(new Uint8Array(64 * 1024).fill(7));
    await c.expectError('UNSUPPORTED_VERSION');
  });

  it('HOSTILE-1: idle handshakes from one address are capped; other addresses, members and /health still get in', async () => {
    const r = await relay({
      trustedProxyHeader: 'x-forwarded-for',
      limits: {
        authTimeoutMs: 1500,
        maxConnectionsPerAddress: 5,
        maxPendingConnections: 8,
        handshakesPerSecondPerAddress: 1,
        handshakeBurstPerAddress: 50,
      },
    });
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    // The attacker: many idle CREATE connections from one address.
    const attacker = await Promise.all(
      Array.from({ length: 12 }, () => upgradeStatus(r.url, [TRAME_SUBPROTOCOL], '203.0.113.9')),
    );
    expect(attacker.filter((x) => x === 'open')).toHaveLength(5);
    expect(attacker.filter((x) => x === 429)).toHaveLength(7);
    // Members from elsewhere open documents; /health answers.
    for (let i = 0; i < 3; i++) {
      const c = await client(r.url, `198.51.100.${i}`);
      const initial = await c.authenticate(admin, { spaceId: s.spaceId, docId: randomId() });
      expect(initial.ready.role).toBe(Role.Admin);
    }
    expect((await fetch(`${r.running.httpUrl}/health`)).status).toBe(200);
    // The attacker's sockets are closed at the handshake deadline and its places come back.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await upgradeStatus(r.url, [TRAME_SUBPROTOCOL], '203.0.113.9')).toBe('open');
  });

  it('HOSTILE-1: handshakes per second per address are capped', async () => {
    const r = await relay({
      trustedProxyHeader: 'x-forwarded-for',
      limits: { handshakesPerSecondPerAddress: 0.5, handshakeBurstPerAddress: 3 },
    });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await upgradeStatus(r.url, [TRAME_SUBPROTOCOL], '203.0.113.7'));
    expect(results).toEqual(['open', 'open', 'open', 429, 429]);
    // Another address is not affected.
    expect(await upgradeStatus(r.url, [TRAME_SUBPROTOCOL], '203.0.113.8')).toBe('open');
  });

  it('HOSTILE-1: idle handshakes from many addresses cannot keep members out: the oldest makes room', async () => {
    const r = await relay({
      trustedProxyHeader: 'x-forwarded-for',
      limits: { maxConnections: 8, maxPendingConnections: 3 },
    });
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const [member] = await TestClient.open(r.url, admin, { spaceId: s.spaceId, docId: randomId() });
    clients.push(member);
    const flood: TestClient[] = [];
    for (let i = 0; i < 6; i++) flood.push(await client(r.url, `203.0.113.${i}`));
    // The first three idle handshakes were evicted (close 4503, retry) as newer ones came.
    expect(await Promise.all(flood.slice(0, 3).map((c) => c.closeCode()))).toEqual([4503, 4503, 4503]);
    // A member's new connection gets in, the member already in stays, /health answers.
    const c = await client(r.url, '198.51.100.1');
    expect((await c.authenticate(admin, { spaceId: s.spaceId, docId: randomId() })).ready.role).toBe(Role.Admin);
    expect((await fetch(`${r.running.httpUrl}/health`)).status).toBe(200);
    expect(member.isClosed).toBe(false);
    expect(s.control.isClosed).toBe(false);
  });

  it('HOSTILE-1: the relay-wide connection cap refuses with 503 and keeps /health', async () => {
    const r = await relay({ limits: { maxConnections: 3, maxPendingConnections: 3 } });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await upgradeStatus(r.url, [TRAME_SUBPROTOCOL]));
    expect(results).toEqual(['open', 'open', 'open', 503]);
    expect((await fetch(`${r.running.httpUrl}/health`)).status).toBe(200);
  });
});

describe('HOSTILE-6 clients that do not speak Trame (R9)', () => {
  it('HOSTILE-6: an upgrade without the trame subprotocol is refused with 400 and a reason, before any frame', async () => {
    const r = await relay();
    const none = await rawUpgrade(r.running.httpUrl, { protocol: null });
    expect(none.status).toBe(400);
    expect(none.response).toContain(`"${TRAME_SUBPROTOCOL}"`);
    const other = await rawUpgrade(r.running.httpUrl, { protocol: 'trame.999' });
    expect(other.status).toBe(400);
    expect(await upgradeStatus(r.url, [])).toBe(400);
    expect(r.running.relay.connectionCount()).toBe(0);
  });

  it('HOSTILE-6: a client offering several versions gets trame.<version> selected', async () => {
    const r = await relay();
    const ws = new WebSocket(r.url, ['trame.999', TRAME_SUBPROTOCOL]);
    sockets.push({ destroy: () => ws.terminate() });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    expect(ws.protocol).toBe(TRAME_SUBPROTOCOL);
  });
});

describe('HOSTILE-7 no existence oracle (R62)', () => {
  it('HOSTILE-7: an unknown space and a space one may not open get the same ERROR and close code', async () => {
    const r = await relay();
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const stranger = createTestIdentity();
    const answers = [];
    for (const spaceId of [s.spaceId, randomId()]) {
      for (const docId of [undefined, randomId()]) {
        const c = await client(r.url);
        const error = await c
          .authenticate(stranger, { spaceId, ...(docId ? { docId } : {}) })
          .catch((e: Error) => e.message);
        answers.push([error, await c.closeCode()]);
      }
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual(['relay refused: NOT_A_MEMBER not a member of the space', 4403]);
  });

  it('HOSTILE-7: CREATE gets the same READY for an unknown and an existing space; GENESIS on an existing one is NOT_A_MEMBER', async () => {
    const r = await relay();
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    clients.push(s.control);
    const stranger = createTestIdentity();
    const readies = [];
    for (const spaceId of [s.spaceId, randomId()]) {
      const c = await client(r.url);
      const initial = await c.authenticate(stranger, { spaceId, create: true });
      readies.push({
        frames: initial.frames.length,
        ...initial.ready,
        raw: Buffer.from(initial.ready.raw).toString('hex'),
      });
      if (spaceId === s.spaceId) {
        c.send(new MembershipLog(spaceId).genesis(stranger));
        await c.expectError('NOT_A_MEMBER');
        expect(await c.closeCode()).toBe(4403);
      }
    }
    expect(readies[0]).toEqual(readies[1]);
    // The space is unchanged: its admin still opens it alone.
    const [c, initial] = await TestClient.open(r.url, admin, { spaceId: s.spaceId });
    clients.push(c);
    expect(initial.ready.membershipSeq).toBe(0);
    expect(initial.ready.role).toBe(Role.Admin);
  });
});
