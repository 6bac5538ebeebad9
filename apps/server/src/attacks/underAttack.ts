import { fork } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'node:net';
import type WebSocket from 'ws';
import { FrameKind, Role, toHex } from '@trame/protocol';
import { generateIdentity, newDocId, ready, SpaceSession } from '@trame/sync';
import { randomBytes } from '@trame/crypto';
import { WS } from '../e2e/harness.js';
import { RawClient, rawUpdate } from '../scaleout/rawFrames.js';
import { RelayProcess } from '../scaleout/RelayProcess.js';
import { authedSocket, rawEphemeral, rawSocketOf, unfinishedMessage } from './attackClients.js';

/**
 * `npm run bench:attacks`: replays the attacks of issue 12 against a real relay process on
 * 127.0.0.1, one fresh process per attack, and reports the relay's peak RSS (VmHWM), bytes
 * it wrote to disk, whether it is still running, and a member's ACK p99 during the attack
 * against the same member at rest just before. Loops are bounded in time.
 */
const PROBE_JS = fileURLToPath(new URL('./probeMain.js', import.meta.url));
const ATTACK_MS = Number(process.env.ATTACK_MS ?? 8000);
const REST_MS = Number(process.env.REST_MS ?? 4000);

interface Row {
  attack: string;
  peakRssMiB: number;
  diskWrittenMiB: number;
  ackP99RestMs: number;
  ackP99AttackMs: number;
  /** Medians: on a shared, loaded machine the p99 moves with other processes' scheduling. */
  ackP50RestMs: number;
  ackP50AttackMs: number;
  alive: boolean;
  note: string;
  /** CPU time the relay process (all its threads) used during the attack, ms. */
  relayCpuMs: number;
}

function procStat(pid: number): { hwm: number; written: number; cpuMs: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  // utime + stime (fields 14 and 15, in clock ticks of 10 ms), every thread of the process.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const cpuMs = (Number(stat[11]) + Number(stat[12])) * 10;
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  let written = 0;
  try {
    written = Number(/write_bytes:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
  } catch {
    // /proc/<pid>/io needs the same user; reported as 0 otherwise.
  }
  return { hwm, written, cpuMs };
}

function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}
const p99 = (samples: number[]): number => quantile(samples, 0.99);
const p50 = (samples: number[]): number => quantile(samples, 0.5);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function run(
  name: string,
  note: string,
  attack: (ctx: AttackContext) => Promise<() => Promise<void>>,
  env: Record<string, string> = {},
  prepare?: (ctx: AttackContext) => Promise<void>,
): Promise<Row> {
  // RELAY_NODE_OPTIONS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`): profiling the relay process.
  const nodeOptions = process.env.RELAY_NODE_OPTIONS;
  const relay = await new RelayProcess({
    env: nodeOptions ? { ...env, NODE_OPTIONS: nodeOptions } : env,
    logLevel: 'warn',
  }).start();
  const admin = generateIdentity();
  const space = await SpaceSession.create({ relayUrl: relay.url, identity: admin, WebSocketImpl: WS });
  const probeDoc = newDocId();
  const ctx: AttackContext = { url: relay.url, httpUrl: relay.httpUrl, space, admin, docId: newDocId() };
  await prepare?.(ctx);
  const before = procStat(relay.pid);
  // The member runs in its own process: the attacker's work here must not delay its timings.
  const member = fork(PROBE_JS, [], {
    env: {
      ...process.env,
      PROBE: JSON.stringify({
        url: relay.url,
        spaceId: toHex(space.spaceId),
        docId: toHex(probeDoc),
        publicKey: toHex(admin.publicKey),
        secretKey: toHex(admin.secretKey),
        boxPublicKey: toHex(admin.boxPublicKey),
        boxSecretKey: toHex(admin.boxSecretKey),
      }),
    },
  });
  const result = new Promise<Array<[number, number]>>((resolve) =>
    member.on('message', (m: unknown) => {
      if (typeof m === 'object' && m && 'samples' in m) resolve((m as { samples: Array<[number, number]> }).samples);
    }),
  );
  await new Promise((resolve) => member.once('message', resolve));
  await sleep(REST_MS);
  const atAttack = procStat(relay.pid);
  // ATTACKS_SIGNAL (e.g. SIGUSR2): tells a preload given in RELAY_NODE_OPTIONS that the attack starts.
  if (process.env.ATTACKS_SIGNAL) process.kill(relay.pid, process.env.ATTACKS_SIGNAL);
  const attackStart = Date.now();
  const stopAttack = await attack(ctx);
  await sleep(ATTACK_MS);
  member.send('stop');
  const samples = await result;
  const after = procStat(relay.pid);
  await stopAttack();
  await sleep(500);
  const alive = (await fetch(`${relay.httpUrl}/health`).catch(() => null))?.status === 200;
  const metrics = process.env.ATTACKS_SAMPLES
    ? ((await (await fetch(`${relay.httpUrl}/metrics`).catch(() => null))?.text()) ?? '')
        .split('\n')
        .filter((l) => /^trame_(bytes_received|frames_received|rejections|quota_hits)/.test(l))
    : [];
  space.close();
  await relay.stop();
  // ATTACKS_SAMPLES=file: every ACK time, as ms since the attack started, for a closer look.
  if (process.env.ATTACKS_SAMPLES)
    appendFileSync(
      process.env.ATTACKS_SAMPLES,
      `${JSON.stringify({ attack: name, metrics, samples: samples.map(([t, ms]) => [t - attackStart, Math.round(ms * 10) / 10]) })}\n`,
    );
  const rest = { samples: samples.filter(([t]) => t < attackStart).map(([, ms]) => ms) };
  const underAttack = { samples: samples.filter(([t]) => t >= attackStart).map(([, ms]) => ms) };
  return {
    attack: name,
    peakRssMiB: Math.round((Math.max(after.hwm, before.hwm) / 2 ** 20) * 10) / 10,
    diskWrittenMiB: Math.round(((after.written - before.written) / 2 ** 20) * 10) / 10,
    ackP99RestMs: Math.round(p99(rest.samples) * 10) / 10,
    ackP99AttackMs: Math.round(p99(underAttack.samples) * 10) / 10,
    ackP50RestMs: Math.round(p50(rest.samples) * 10) / 10,
    ackP50AttackMs: Math.round(p50(underAttack.samples) * 10) / 10,
    alive,
    note,
    relayCpuMs: after.cpuMs - atAttack.cpuMs,
  };
}

interface AttackContext {
  url: string;
  httpUrl: string;
  space: SpaceSession;
  admin: ReturnType<typeof generateIdentity>;
  /** A document an attack may prepare (e.g. a long tail) before the at-rest measurement. */
  docId: Uint8Array;
}

/** Writes `count` updates of `bytes`, waiting when RATE_LIMITED says to. */
async function writeMany(
  c: RawClient,
  who: ReturnType<typeof generateIdentity>,
  spaceId: Uint8Array,
  docId: Uint8Array,
  count: number,
  bytes: number,
): Promise<void> {
  const payload = randomBytes(bytes);
  for (let clock = 1; clock <= count;) {
    c.send(rawUpdateWith(who, spaceId, docId, clock, payload));
    const a = await c.answer(60_000);
    if (a.kind === FrameKind.Ack) clock += 1;
    else await sleep(Number(/retry in (\d+) ms/.exec(a.message)?.[1] ?? 200));
  }
}

function closeAll(items: Array<WebSocket | Socket>): () => Promise<void> {
  return async () => {
    for (const i of items) {
      if ('terminate' in i) i.terminate();
      else i.destroy();
    }
  };
}

type Prepare = (ctx: AttackContext) => Promise<void>;
const attacks: Array<
  [string, string, (ctx: AttackContext) => Promise<() => Promise<void>>, Record<string, string>?, Prepare?]
> = [
  [
    'HOSTILE-1a: 150 unfinished 16 MiB messages before AUTH',
    '150 sockets, 1 MiB sent each',
    async ({ httpUrl }) => {
      const sockets: Socket[] = [];
      for (let i = 0; i < 150; i++) sockets.push(await unfinishedMessage(httpUrl, 16 * 2 ** 20, 2 ** 20));
      return closeAll(sockets);
    },
  ],
  [
    'HOSTILE-1b: 999 idle CREATE connections (AUTH, no GENESIS)',
    'deadline closes them after 10 s',
    async ({ url }) => {
      const sockets: WebSocket[] = [];
      const attacker = generateIdentity();
      for (let i = 0; i < 999; i++)
        sockets.push(
          await authedSocket(url, attacker, randomBytes(16), new Uint8Array(16), true).catch(() => null as never),
        );
      return closeAll(sockets.filter(Boolean));
    },
  ],
  [
    'HOSTILE-2: 40 non-reading connections on a 30 MiB tail',
    'one hostile viewer identity',
    async ({ url, space, docId }) => {
      const viewer = generateIdentity();
      await space.addMember(viewer.publicKey, Role.Viewer);
      const sockets: WebSocket[] = [];
      for (let i = 0; i < 40; i++) {
        const ws = await authedSocket(url, viewer, space.spaceId, docId);
        rawSocketOf(ws).pause();
        sockets.push(ws);
      }
      return closeAll(sockets);
    },
    {},
    async ({ url, space, admin, docId }) => {
      const writer = new RawClient(url, admin, space.spaceId, docId);
      await writer.ready();
      await writeMany(writer, admin, space.spaceId, docId, 30, 1024 * 1024 - 200);
      writer.close();
      // The identity's byte budget refills before the member is measured at rest.
      await sleep(8000);
    },
  ],
  [
    'HOSTILE-3: an editor writing 2 MiB updates as fast as allowed, in a space of its own',
    'the member is in an unrelated space; retries when RATE_LIMITED says',
    async ({ url }) => {
      const editor = generateIdentity();
      const space = await SpaceSession.create({ relayUrl: url, identity: editor, WebSocketImpl: WS });
      const docId = newDocId();
      const c = new RawClient(url, editor, space.spaceId, docId);
      await c.ready();
      let running = true;
      const big = randomBytes(2 * 1024 * 1024 - 400);
      const loop = (async () => {
        let clock = 1;
        while (running) {
          c.send(rawUpdateWith(editor, space.spaceId, docId, clock, big));
          const a = await c.answer(30_000).catch(() => null);
          if (a?.kind === FrameKind.Ack) clock += 1;
          else if (a?.kind === FrameKind.Error) await sleep(Number(/retry in (\d+) ms/.exec(a.message)?.[1] ?? 200));
        }
      })();
      return async () => {
        running = false;
        await loop;
        c.close();
        space.close();
      };
    },
  ],
  [
    'HOSTILE-3b: an editor writing 128 KiB updates to 16 documents at once, in a space of its own',
    'the member is in an unrelated space; R66 takes turns between spaces',
    async ({ url }) => {
      const editor = generateIdentity();
      const space = await SpaceSession.create({ relayUrl: url, identity: editor, WebSocketImpl: WS });
      let running = true;
      const payload = randomBytes(128 * 1024);
      const clients: RawClient[] = [];
      const loops = Array.from({ length: 16 }, async () => {
        const docId = newDocId();
        const c = new RawClient(url, editor, space.spaceId, docId);
        clients.push(c);
        await c.ready();
        let clock = 1;
        while (running) {
          c.send(rawUpdateWith(editor, space.spaceId, docId, clock, payload));
          const a = await c.answer(30_000).catch(() => null);
          if (a?.kind === FrameKind.Ack) clock += 1;
          else if (a?.kind === FrameKind.Error) await sleep(Number(/retry in (\d+) ms/.exec(a.message)?.[1] ?? 200));
        }
      });
      return async () => {
        running = false;
        await Promise.all(loops);
        for (const c of clients) c.close();
        space.close();
      };
    },
  ],
  [
    'HOSTILE-4: a viewer sending 16 KiB EPHEMERAL at 190/s on 4 connections',
    'two members in the document read',
    async ({ url, space, admin }) => {
      const viewer = generateIdentity();
      await space.addMember(viewer.publicKey, Role.Viewer);
      const docId = newDocId();
      const readers = [
        new RawClient(url, admin, space.spaceId, docId),
        new RawClient(url, admin, space.spaceId, docId),
      ];
      await Promise.all(readers.map((r) => r.ready()));
      const sockets: WebSocket[] = [];
      for (let i = 0; i < 4; i++) sockets.push(await authedSocket(url, viewer, space.spaceId, docId));
      let seq = 0;
      const timer = setInterval(() => {
        for (const ws of sockets)
          for (let k = 0; k < 19; k++)
            if (ws.readyState === ws.OPEN) ws.send(rawEphemeral(viewer, space.spaceId, docId, ++seq, 16 * 1024));
      }, 100);
      return async () => {
        clearInterval(timer);
        for (const r of readers) r.close();
        await closeAll(sockets)();
      };
    },
  ],
  [
    'HOSTILE-5: the log file on a full disk (/dev/full)',
    'members keep writing',
    async () => async () => {},
    { LOG_FILE: '/dev/full', LOG_LEVEL: 'debug' },
  ],
];

function rawUpdateWith(
  author: ReturnType<typeof generateIdentity>,
  spaceId: Uint8Array,
  docId: Uint8Array,
  clock: number,
  ciphertext: Uint8Array,
): Uint8Array {
  return rawUpdate(author, spaceId, docId, clock, undefined, ciphertext);
}

await ready();
const rows: Row[] = [];
const only = process.env.ATTACKS_ONLY;
for (const [name, note, attack, env, prepare] of attacks) {
  if (only && !name.startsWith(only)) continue;
  const row = await run(name, note, attack, env, prepare);
  console.log(JSON.stringify(row));
  rows.push(row);
}
const table = [
  '| attack | peak RSS (MiB) | disk written (MiB) | member ACK p99 at rest (ms) | during attack (ms) | p50 at rest (ms) | during attack (ms) | relay still running |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.attack} (${r.note}) | ${r.peakRssMiB} | ${r.diskWrittenMiB} | ${r.ackP99RestMs} | ${r.ackP99AttackMs} | ${r.ackP50RestMs} | ${r.ackP50AttackMs} | ${r.alive ? 'yes' : 'NO'} |`,
  ),
].join('\n');
console.log(table);
writeFileSync(process.env.ATTACKS_OUT ?? 'under-attack.md', `${table}\n`);
