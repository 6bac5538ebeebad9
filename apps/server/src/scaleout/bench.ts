/**
 * Scale-out benchmark (issue 4), not a test: the same workload against 1 and then 2 relay
 * processes on one PostgreSQL and one Redis. Writers send UPDATE frames closed-loop (next one
 * after the ACK, at most `RATE` per second each); readers and the other writers of each
 * document receive them. Connections are spread round-robin over the instances, so with two
 * instances most deliveries cross Redis. Prints deliveries per second, deliveries per second
 * per relay CPU core (relay processes' CPU time from /proc), and the p50/p99 latency from send
 * to delivery; then the 2-instance / 1-instance ratios.
 *
 *   npm run bench:scaleout -w @trame/server     (env: BENCH_SECONDS, BENCH_DOCS, DATABASE_URL, REDIS_URL)
 */
import { readFileSync } from 'node:fs';
import { FrameKind, toHex, type Frame } from '@trame/protocol';
import { generateIdentity, newDocId, RelayConnection, Role, type Identity } from '@trame/sync';
import { createSpace, WS } from '../e2e/harness.js';
import { startCluster, type Cluster } from './cluster.js';
import { rawUpdate } from './rawFrames.js';
import { servicesAvailable } from './services.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DOCS = Number(process.env.BENCH_DOCS ?? 12);
const WRITERS = 2;
const READERS = 3;
const RATE = 20;
const CLK_TCK = 100;

interface Result {
  instances: number;
  updates: number;
  deliveries: number;
  seconds: number;
  relayCpuSeconds: number;
  p50: number;
  p99: number;
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime + stime
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(instances: number): Promise<Result> {
  const cluster: Cluster = await startCluster(instances, { env: { LOG_LEVEL: 'warn' } });
  const urls = cluster.relays.map((r) => r.url);
  let next = 0;
  const pick = (): string => urls[next++ % urls.length]!;
  const conns: RelayConnection[] = [];
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let deliveries = 0;
  let measuring = false;
  try {
    const owner = { name: 'owner', identity: generateIdentity(), heads: undefined as never };
    const space = await createSpace(urls[0]!, owner);
    const writers: Identity[] = Array.from({ length: WRITERS }, () => generateIdentity());
    for (const w of writers) await space.addMember(w.publicKey, Role.Editor);
    space.close();
    const open = (identity: Identity, docId: Uint8Array, onFrame: (f: Frame) => void): Promise<RelayConnection> =>
      new Promise((resolve, reject) => {
        const conn: RelayConnection = new RelayConnection({
          url: pick(),
          identity,
          spaceId: space.spaceId,
          docId,
          WebSocketImpl: WS,
          onFrame: (f) => {
            if (f.kind === FrameKind.Ready) resolve(conn);
            else if (f.kind === FrameKind.Error && !conn.ready) reject(new Error(`refused: ${f.message}`));
            onFrame(f);
          },
          onClose: (code) => reject(new Error(`closed ${code}`)),
        });
        conns.push(conn);
      });
    const received = (f: Frame): void => {
      if (f.kind !== FrameKind.Update) return;
      const t = sentAt.get(`${toHex(f.author)}:${f.clock}:${toHex(f.docId)}`);
      if (!measuring || t === undefined) return;
      deliveries += 1;
      latencies.push(performance.now() - t);
    };
    const loops: Array<() => Promise<number>> = [];
    for (let d = 0; d < DOCS; d++) {
      const docId = newDocId();
      for (let r = 0; r < READERS; r++) await open(owner.identity, docId, received);
      for (const w of writers) {
        let acked: (() => void) | null = null;
        const conn = await open(w, docId, (f) => {
          if (f.kind === FrameKind.Ack || f.kind === FrameKind.Error) acked?.();
          else received(f);
        });
        // Frames are signed before the clock starts: the bench measures the relays, not libsodium.
        const frames = Array.from({ length: SECONDS * RATE + 10 }, (_, i) => rawUpdate(w, space.spaceId, docId, i + 1));
        loops.push(async () => {
          let sent = 0;
          const start = performance.now();
          const key = `${toHex(w.publicKey)}:`;
          const doc = `:${toHex(docId)}`;
          while (performance.now() - start < SECONDS * 1000 && sent < frames.length) {
            const due = start + (sent * 1000) / RATE;
            const wait = due - performance.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            const done = new Promise<void>((resolve) => (acked = resolve));
            sentAt.set(key + (sent + 1) + doc, performance.now());
            conn.send(frames[sent]!);
            sent += 1;
            await done;
          }
          return sent;
        });
      }
    }
    const pids = cluster.relays.map((r) => r.pid);
    const cpu0 = pids.reduce((s, p) => s + cpuSeconds(p), 0);
    const t0 = performance.now();
    measuring = true;
    const updates = (await Promise.all(loops.map((l) => l()))).reduce((a, b) => a + b, 0);
    await new Promise((r) => setTimeout(r, 500)); // let the last deliveries land
    measuring = false;
    const seconds = (performance.now() - t0) / 1000;
    const relayCpuSeconds = pids.reduce((s, p) => s + cpuSeconds(p), 0) - cpu0;
    latencies.sort((a, b) => a - b);
    return {
      instances,
      updates,
      deliveries,
      seconds,
      relayCpuSeconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    for (const c of conns) c.close();
    await cluster.cleanup();
  }
}

if (!(await servicesAvailable())) process.exit(1);
console.log(
  `scale-out bench: ${DOCS} documents × (${WRITERS} writers at ≤${RATE}/s + ${READERS} readers), ${SECONDS} s per run, ` +
    `${(await import('node:os')).cpus().length} cores shared by the relays, PostgreSQL, Redis and this client`,
);
const results: Result[] = [];
for (const n of [1, 2]) {
  const r = await run(n);
  results.push(r);
  console.log(
    `${n} instance(s): ${r.updates} updates, ${r.deliveries} deliveries in ${r.seconds.toFixed(1)} s = ` +
      `${(r.deliveries / r.seconds).toFixed(0)}/s; relay CPU ${r.relayCpuSeconds.toFixed(2)} s → ` +
      `${(r.deliveries / r.relayCpuSeconds).toFixed(0)} deliveries/s per core; latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`,
  );
}
const [one, two] = results as [Result, Result];
const perCore = (r: Result) => r.deliveries / r.relayCpuSeconds;
console.log('\n| instances | deliveries/s | deliveries/s per relay core | p50 ms | p99 ms |\n|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.instances} | ${(r.deliveries / r.seconds).toFixed(0)} | ${perCore(r).toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`,
  );
}
console.log(
  `\nratio 2/1: deliveries/s per core ${(perCore(two) / perCore(one)).toFixed(2)}, p99 latency ${(two.p99 / one.p99).toFixed(2)}`,
);
process.exit(0);
