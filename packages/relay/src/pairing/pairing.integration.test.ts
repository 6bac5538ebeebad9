import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  decodePairingFrame,
  encodePairingFrame,
  ERROR_CODES,
  PAIRING,
  PairingMode,
  toHex,
  type PairingFrame,
} from '@trame/protocol';
import { expectStorageUnchanged } from '../testing/expectStorageUnchanged.js';
import { startTestRelay, type TestRelay, type TestRelayOptions } from '../testing/startTestRelay.js';

const relays: TestRelay[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await Promise.all(relays.splice(0).map((r) => r.close()));
});

async function relay(o: TestRelayOptions = {}): Promise<TestRelay> {
  const r = await startTestRelay({ trustedProxyHeader: 'x-forwarded-for', ...o });
  relays.push(r);
  return r;
}

interface Peer {
  ws: WebSocket;
  frames: PairingFrame[];
  closed: Promise<number>;
  /** Resolves with the next frame of `kind` not yet taken. */
  next(kind: number): Promise<PairingFrame>;
  send(frame: PairingFrame): void;
}

function pairingUrl(r: TestRelay): string {
  return `${r.running.httpUrl.replace('http', 'ws')}${PAIRING.path}`;
}

/** A raw pairing socket from address `from` (the relay trusts x-forwarded-for in these tests). */
async function peer(r: TestRelay, from = '198.51.100.7'): Promise<Peer> {
  const ws = new WebSocket(pairingUrl(r), [PAIRING.subprotocol], { headers: { 'x-forwarded-for': from } });
  sockets.push(ws);
  const frames: PairingFrame[] = [];
  const taken = new Set<PairingFrame>();
  let wake: () => void = () => {};
  ws.on('message', (d: Buffer) => {
    frames.push(decodePairingFrame(new Uint8Array(d)));
    wake();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    frames,
    closed,
    async next(kind) {
      for (;;) {
        const f = frames.find((x) => x.kind === kind && !taken.has(x));
        if (f) {
          taken.add(f);
          return f;
        }
        await Promise.race([new Promise<void>((r) => (wake = r)), closed.then(() => {})]);
        if (ws.readyState === WebSocket.CLOSED && !frames.some((x) => x.kind === kind && !taken.has(x))) {
          throw new Error(`closed before a frame 0x${kind.toString(16)}`);
        }
      }
    },
    send(frame) {
      ws.send(encodePairingFrame(frame));
    },
  };
}

async function create(r: TestRelay, from?: string): Promise<{ p: Peer; channel: Uint8Array }> {
  const p = await peer(r, from);
  p.send({ kind: 0x30, mode: PairingMode.Create, channel: new Uint8Array(5) });
  const s = await p.next(0x31);
  if (s.kind !== 0x31) throw new Error('status expected');
  expect(s.peers).toBe(1);
  return { p, channel: s.channel };
}

async function join(r: TestRelay, channel: Uint8Array, from?: string): Promise<Peer> {
  const p = await peer(r, from);
  p.send({ kind: 0x30, mode: PairingMode.Join, channel });
  return p;
}

async function errorOf(p: Peer): Promise<{ code: number; close: number }> {
  const e = await p.next(0x33);
  if (e.kind !== 0x33) throw new Error('error expected');
  return { code: e.code, close: await p.closed };
}

describe('DEVICES-1 pairing channel at the relay (R100-R103)', () => {
  it('DEVICES-1: the channel only forwards: the same bytes both ways, nothing stored, no id or payload in the logs', async () => {
    const r = await relay();
    await expectStorageUnchanged(r.dbFile, async () => {
      const { p: a, channel } = await create(r);
      const b = await join(r, channel, '198.51.100.8');
      const sb = await b.next(0x31);
      const sa = await a.next(0x31);
      expect(sb).toMatchObject({ peers: 2, channel });
      expect(sa).toMatchObject({ peers: 2, channel });
      if (sa.kind === 0x31) expect(sa.expiresInMs).toBeLessThanOrEqual(r.running.relay.limits.pairingChannelTtlMs);
      const payload = crypto.getRandomValues(new Uint8Array(3000));
      a.send({ kind: 0x32, payload });
      expect(await b.next(0x32)).toEqual({ kind: 0x32, payload });
      b.send({ kind: 0x32, payload: Uint8Array.of(42) });
      expect(await a.next(0x32)).toEqual({ kind: 0x32, payload: Uint8Array.of(42) });
      expect(a.frames.filter((f) => f.kind === 0x32)).toHaveLength(1);
      expect(r.running.relay.pairingChannelCount()).toBe(1);
      const logs = r.logs.join('\n');
      expect(logs).not.toContain(toHex(channel));
      expect(logs).not.toContain(toHex(payload.subarray(0, 16)));
    });
  });

  it('DEVICES-1: a wrong channel id is PAIRING_UNKNOWN (2020), typed, then a final close', async () => {
    const r = await relay();
    const b = await join(r, Uint8Array.of(1, 2, 3, 4, 5));
    expect(await errorOf(b)).toEqual({ code: ERROR_CODES.PAIRING_UNKNOWN, close: 4400 });
  });

  it('DEVICES-1: an expired channel is PAIRING_EXPIRED (2022) for its peer, then PAIRING_UNKNOWN to a late joiner', async () => {
    const r = await relay({ limits: { pairingChannelTtlMs: 300 } });
    const { p: a, channel } = await create(r);
    expect(await errorOf(a)).toEqual({ code: ERROR_CODES.PAIRING_EXPIRED, close: 4400 });
    const late = await join(r, channel, '198.51.100.9');
    expect((await errorOf(late)).code).toBe(ERROR_CODES.PAIRING_UNKNOWN);
    expect(r.running.relay.pairingChannelCount()).toBe(0);
  });

  it('DEVICES-1: a third device is PAIRING_FULL (2021); the two peers keep their channel', async () => {
    const r = await relay();
    const { p: a, channel } = await create(r);
    const b = await join(r, channel, '198.51.100.8');
    await b.next(0x31);
    const c = await join(r, channel, '198.51.100.9');
    expect(await errorOf(c)).toEqual({ code: ERROR_CODES.PAIRING_FULL, close: 4400 });
    a.send({ kind: 0x32, payload: Uint8Array.of(1) });
    expect(await b.next(0x32)).toEqual({ kind: 0x32, payload: Uint8Array.of(1) });
  });

  it('DEVICES-1: when one device leaves, the other gets PAIRING_PEER_LEFT (2023) and the channel is gone', async () => {
    const r = await relay();
    const { p: a, channel } = await create(r);
    const b = await join(r, channel, '198.51.100.8');
    await b.next(0x31);
    a.ws.close(1000);
    expect(await errorOf(b)).toEqual({ code: ERROR_CODES.PAIRING_PEER_LEFT, close: 4400 });
    const c = await join(r, channel, '198.51.100.9');
    expect((await errorOf(c)).code).toBe(ERROR_CODES.PAIRING_UNKNOWN);
  });

  it('DEVICES-1 limit: a DATA payload over 64 KiB closes the socket at its header (1009)', async () => {
    const r = await relay();
    const { p: a, channel } = await create(r);
    const b = await join(r, channel, '198.51.100.8');
    await b.next(0x31);
    const big = new Uint8Array(PAIRING.maxDataBytes + 3);
    big.set([PAIRING.version, 0x32]);
    a.ws.send(big);
    expect(await a.closed).toBe(1009);
    expect((await errorOf(b)).code).toBe(ERROR_CODES.PAIRING_PEER_LEFT);
  });

  it('DEVICES-1 limit: a channel forwards a bounded number of messages and bytes (RATE_LIMITED, 4529)', async () => {
    const r = await relay({ limits: { maxPairingMessagesPerChannel: 3, maxPairingBytesPerChannel: 1000 } });
    const { p: a, channel } = await create(r);
    const b = await join(r, channel, '198.51.100.8');
    await b.next(0x31);
    for (let i = 0; i < 3; i++) a.send({ kind: 0x32, payload: Uint8Array.of(i) });
    for (let i = 0; i < 3; i++) await b.next(0x32);
    a.send({ kind: 0x32, payload: Uint8Array.of(9) });
    expect(await errorOf(a)).toEqual({ code: ERROR_CODES.RATE_LIMITED, close: 4529 });

    const { p: c, channel: ch2 } = await create(r, '198.51.100.10');
    const d = await join(r, ch2, '198.51.100.11');
    await d.next(0x31);
    c.send({ kind: 0x32, payload: new Uint8Array(1000) });
    await d.next(0x32);
    d.send({ kind: 0x32, payload: new Uint8Array(1) });
    expect(await errorOf(d)).toEqual({ code: ERROR_CODES.RATE_LIMITED, close: 4529 });
  });

  it('DEVICES-1 limit: OPENs per address are rate limited, wrong guesses included (RATE_LIMITED)', async () => {
    const r = await relay({ limits: { pairingOpenBurstPerAddress: 3, pairingOpensPerMinutePerAddress: 1 } });
    for (let i = 0; i < 3; i++) {
      const g = await join(r, crypto.getRandomValues(new Uint8Array(5)), '203.0.113.5');
      expect((await errorOf(g)).code).toBe(ERROR_CODES.PAIRING_UNKNOWN);
    }
    const fourth = await join(r, crypto.getRandomValues(new Uint8Array(5)), '203.0.113.5');
    expect(await errorOf(fourth)).toEqual({ code: ERROR_CODES.RATE_LIMITED, close: 4529 });
    // Another address is not held back.
    const other = await join(r, crypto.getRandomValues(new Uint8Array(5)), '203.0.113.6');
    expect((await errorOf(other)).code).toBe(ERROR_CODES.PAIRING_UNKNOWN);
  });

  it('DEVICES-1 limit: open channels per address (RATE_LIMITED) and per relay (UNAVAILABLE) are capped', async () => {
    const r = await relay({ limits: { maxPairingChannelsPerAddress: 2, maxPairingChannels: 3 } });
    await create(r, '203.0.113.5');
    const { p: second } = await create(r, '203.0.113.5');
    const third = await peer(r, '203.0.113.5');
    third.send({ kind: 0x30, mode: PairingMode.Create, channel: new Uint8Array(5) });
    expect(await errorOf(third)).toEqual({ code: ERROR_CODES.RATE_LIMITED, close: 4529 });
    await create(r, '203.0.113.6');
    const fourth = await peer(r, '203.0.113.7');
    fourth.send({ kind: 0x30, mode: PairingMode.Create, channel: new Uint8Array(5) });
    expect(await errorOf(fourth)).toEqual({ code: ERROR_CODES.UNAVAILABLE, close: 4503 });
    // A channel that ends gives its place back.
    second.ws.close();
    await second.closed;
    await new Promise((res) => setTimeout(res, 50));
    await create(r, '203.0.113.5');
  });

  it('DEVICES-1 limit: no OPEN in time is AUTH_TIMEOUT (4508); DATA before OPEN and text are refused', async () => {
    const r = await relay({ limits: { authTimeoutMs: 200 } });
    const idle = await peer(r);
    expect(await errorOf(idle)).toEqual({ code: ERROR_CODES.AUTH_TIMEOUT, close: 4508 });
    const early = await peer(r);
    early.send({ kind: 0x32, payload: Uint8Array.of(1) });
    expect(await errorOf(early)).toEqual({ code: ERROR_CODES.UNEXPECTED_FRAME, close: 4400 });
    const text = await peer(r);
    text.ws.send('hello');
    expect(await errorOf(text)).toEqual({ code: ERROR_CODES.MALFORMED_FRAME, close: 4400 });
  });

  it('DEVICES-1 limit: pairing upgrades need `trame-pair.1` and count against the per-address cap of R60', async () => {
    const r = await relay({ limits: { maxConnectionsPerAddress: 2 } });
    const status = (protocols: string[], from: string) =>
      new Promise<number | 'open'>((resolve, reject) => {
        const ws = new WebSocket(pairingUrl(r), protocols, { headers: { 'x-forwarded-for': from } });
        sockets.push(ws);
        ws.once('open', () => resolve('open'));
        ws.once('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
        ws.once('error', reject);
      });
    expect(await status(['trame.3'], '203.0.113.20')).toBe(400);
    expect(await status([PAIRING.subprotocol], '203.0.113.21')).toBe('open');
    expect(await status([PAIRING.subprotocol], '203.0.113.21')).toBe('open');
    expect(await status([PAIRING.subprotocol], '203.0.113.21')).toBe(429);
  });
});
