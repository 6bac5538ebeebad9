import type { ServerKind } from '../servers/ServerKind.js';
import { percentiles, type Percentiles } from '../stats/percentiles.js';
import type { BenchEnv, ServerUnderTest } from './BenchEnv.js';
import { joinLatencies } from './joinLatencies.js';
import { planRoom } from './planRoom.js';
import { randomRoom } from './randomRoom.js';
import { sleep } from './sleep.js';

/** One burst of one room on one server. */
export interface FanoutRun {
  /** Keys typed by all clients, and the keys/s that makes over the typing time. */
  typed: number;
  typedPerSec: number;
  /** Keys the workers dropped because they fell behind their schedule (client saturation). */
  skipped: number;
  /** Keystroke → remote latency at the real editors, keys typed after the warm-up. */
  latency: Percentiles;
  /** Deliveries the real editors should have seen (every key × the other real editors), and did not. */
  expected: number;
  missing: number;
  /** Whether the drain ended with every real editor holding every key (not at the deadline). */
  complete: boolean;
  drainMs: number;
  /**
   * Keystroke deliveries: every key typed × the other clients of the room, scaled by the share
   * that actually arrived at the real editors (the typists do not decode what they receive).
   */
  deliveries: number;
  /** Server CPU (user + system) from the first key to the end of the drain, ms. */
  serverCpuMs: number;
  /** WebSocket messages the server sent, and its clients sent, over the same window. */
  serverMessages: number;
  clientMessages: number;
  /** Event-loop utilization of each client worker while typing (1 = saturated). */
  workerElu: number[];
  typistErrors: number;
}

/** `runs[kind]`, and the shape of the room. */
export interface FanoutResult {
  clients: number;
  realEditors: number;
  keysPerSec: number;
  typingMs: number;
  runs: Partial<Record<ServerKind, FanoutRun[]>>;
}

/**
 * Fan-out throughput: `fanoutClients` clients in one room each type `fanoutKeysPerSec` keys a
 * second for `fanoutTypingMs`, then the run waits until every real editor has every key. The
 * measure is keystroke deliveries per second of server CPU: at this pace a server that batches
 * (Trame's clients merge the keys typed while an UPDATE is unacknowledged, one in flight) can
 * send fewer, larger messages per delivery, where at 10 keys/s every server pays one message
 * per key and receiver. Each server is driven by its own client stack (see `planRoom`), and the
 * workers' event-loop utilization is reported: near 1, the clients limit the pace, not the server.
 */
export async function runFanout(env: BenchEnv, kinds: readonly ServerKind[]): Promise<FanoutResult> {
  const o = env.o;
  const size = o.fanoutClients;
  const result: FanoutResult = {
    clients: size,
    realEditors: Math.min(o.fanoutRealEditors, size),
    keysPerSec: o.fanoutKeysPerSec,
    typingMs: o.fanoutTypingMs,
    runs: {},
  };
  const suts = new Map<ServerKind, ServerUnderTest>();
  for (const kind of kinds) suts.set(kind, await env.start(kind, size));
  try {
    for (let rep = 0; rep < o.reps; rep++) {
      for (const kind of kinds) {
        const sut = suts.get(kind)!;
        await Promise.all(env.workers.map((w) => w.call('init', { trame: sut.trame })));
        const plans = planRoom(kind, sut.server.url, randomRoom(), size, o.fanoutRealEditors);
        for (let w = 0; w < 2; w++) await env.workers[w]!.call('openRoom', plans[w]!);
        await sleep(300);
        const before = await sut.server.stats();
        const bursts = await Promise.all(
          env.workers.map((w, i) =>
            w.call('burst', { keysPerSec: o.fanoutKeysPerSec, durationMs: o.fanoutTypingMs, seed: rep * 7 + i + 101 }),
          ),
        );
        const clocks = bursts.flatMap((b) => b.clocks);
        const drains = await Promise.all(
          env.workers.map((w) => w.call('drain', { clocks, timeoutMs: o.fanoutDrainTimeoutMs })),
        );
        const after = await sut.server.stats();
        await Promise.all(env.workers.map((w) => w.call('closeAll', undefined as never)));
        const sent = bursts.flatMap((b) => b.sent);
        const received = drains.flatMap((d) => d.received);
        const real = new Set(bursts.flatMap((b) => b.editorClients));
        const receivers = (c: number): number => real.size - (real.has(c) ? 1 : 0);
        const start = Math.min(...sent.map((x) => x[2]));
        const all = joinLatencies(sent, received, -Infinity, Infinity, receivers);
        const warm = joinLatencies(sent, received, start + o.fanoutWarmupMs, Infinity, receivers);
        const arrived = all.expected ? 1 - all.missing / all.expected : 1;
        const run: FanoutRun = {
          typed: sent.length,
          typedPerSec: sent.length / (o.fanoutTypingMs / 1000),
          skipped: bursts.reduce((n, b) => n + b.skipped, 0),
          latency: percentiles(warm.latencies),
          expected: all.expected,
          missing: all.missing,
          complete: drains.every((d) => d.complete),
          drainMs: Math.max(...drains.map((d) => d.waitedMs)),
          deliveries: sent.length * (size - 1) * arrived,
          serverCpuMs: after.cpuMs - before.cpuMs,
          serverMessages: after.messagesSent - before.messagesSent,
          clientMessages: bursts.reduce((n, b) => n + b.messagesSent, 0),
          workerElu: bursts.map((b) => b.elu),
          typistErrors: bursts.reduce((n, b) => n + b.errors, 0),
        };
        (result.runs[kind] ??= []).push(run);
        if (Math.max(...run.workerElu) > 0.9 || run.skipped > 0)
          console.error(
            `  ! ${kind}: client workers fell behind (event loop ${run.workerElu.map((x) => `${(100 * x).toFixed(0)}%`).join('/')} busy, ` +
              `${run.skipped} keys dropped): the clients, not the server, set the pace` +
              (kind === 'trame' ? ', and a Trame client that reads its ACKs late merges more keys per frame' : ''),
          );
        console.error(
          `  fan-out ${kind} rep ${rep + 1}: ${run.typed} keys (${run.typedPerSec.toFixed(0)}/s, ${run.skipped} skipped), ` +
            `${(run.deliveries / (run.serverCpuMs / 1000)).toFixed(0)} deliveries per server CPU-s ` +
            `(CPU ${run.serverCpuMs.toFixed(0)} ms), p50 ${run.latency.p50.toFixed(1)} ms, p99 ${run.latency.p99.toFixed(1)} ms, ` +
            `missing ${run.missing}/${run.expected}, drain ${run.drainMs.toFixed(0)} ms, ` +
            `messages up ${(run.clientMessages / run.typed).toFixed(2)}/key, down ${run.serverMessages}, ` +
            `worker ELU ${run.workerElu.map((x) => x.toFixed(2)).join('/')}, errors ${run.typistErrors}`,
        );
      }
    }
  } finally {
    for (const sut of suts.values()) await sut.stop();
  }
  return result;
}
