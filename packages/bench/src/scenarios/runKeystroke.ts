import type { ServerKind } from '../servers/ServerKind.js';
import { percentiles, type Percentiles } from '../stats/percentiles.js';
import { now } from '../workers/now.js';
import type { BenchEnv, ServerUnderTest } from './BenchEnv.js';
import { joinLatencies } from './joinLatencies.js';
import { planRoom } from './planRoom.js';
import { randomRoom } from './randomRoom.js';
import { sleep } from './sleep.js';

/** One run of one room on one server. */
export interface KeystrokeRun extends Percentiles {
  /** Deliveries expected (keystrokes × receiving real editors) and not seen after the drain. */
  expected: number;
  missing: number;
  /** Server CPU (user + system) over the typing window and the drain, ms. */
  serverCpuMs: number;
  /** Keystrokes made visible at a remote real editor (all senders). */
  deliveries: number;
  /** Keystrokes the server had to deliver: every keystroke typed × the other clients of the room. */
  serverDeliveries: number;
  typistErrors: number;
}

/** The rooms' results: `runs[roomSize][kind]`, and a pooled latency sample for the plot. */
export interface KeystrokeResult {
  runs: Record<number, Partial<Record<ServerKind, KeystrokeRun[]>>>;
  samples: Record<number, Partial<Record<ServerKind, number[]>>>;
  realEditors: Record<number, number>;
}

/**
 * Keystroke to remote render: every editor of a room types at `keysPerSec`; each keystroke
 * is stamped when inserted into the sender's Y.Text and when the receiver's Y.Text observer
 * sees it, through each server's own client stack (Trame: seal, relay, verify, decrypt).
 * The 20-editor room doubles as the fan-out measure (deliveries per second of server CPU).
 */
export async function runKeystroke(env: BenchEnv, kinds: readonly ServerKind[]): Promise<KeystrokeResult> {
  const o = env.o;
  const result: KeystrokeResult = { runs: {}, samples: {}, realEditors: {} };
  const maxRoom = Math.max(...o.roomSizes);
  // All servers run at once (idle ones cost nothing) and take turns, repetition by
  // repetition, so that the machine's noise falls on all of them alike.
  const suts = new Map<ServerKind, ServerUnderTest>();
  for (const kind of kinds) suts.set(kind, await env.start(kind, maxRoom));
  try {
    for (let rep = 0; rep < o.reps; rep++) {
      for (const size of o.roomSizes) {
        for (const kind of kinds) {
          const sut = suts.get(kind)!;
          await Promise.all(env.workers.map((w) => w.call('init', { trame: sut.trame })));
          const plans = planRoom(kind, sut.server.url, randomRoom(), size, o.maxRealEditors);
          result.realEditors[size] = plans[0].editors.length + plans[1].editors.length;
          // Open one worker after the other: the second's editors then sync the first's state.
          for (let w = 0; w < 2; w++) await env.workers[w]!.call('openRoom', plans[w]!);
          await sleep(300);
          const before = await sut.server.stats();
          const start = now();
          const results = await Promise.all(
            env.workers.map((w, i) =>
              w.call('type', {
                keysPerSec: o.keysPerSec,
                durationMs: o.warmupMs + o.typingMs,
                drainMs: o.drainMs,
                seed: rep * 7 + i + 1,
              }),
            ),
          );
          const after = await sut.server.stats();
          await Promise.all(env.workers.map((w) => w.call('closeAll', undefined as never)));
          const sent = results.flatMap((r) => r.sent);
          const received = results.flatMap((r) => r.received);
          const real = new Set(results.flatMap((r) => r.editorClients));
          const from = start + o.warmupMs;
          const { latencies, expected, missing } = joinLatencies(
            sent,
            received,
            from,
            from + o.typingMs,
            (c) => real.size - (real.has(c) ? 1 : 0),
          );
          const run: KeystrokeRun = {
            ...percentiles(latencies),
            expected,
            missing,
            serverCpuMs: after.cpuMs - before.cpuMs,
            deliveries: received.length,
            serverDeliveries: sent.length * (size - 1),
            typistErrors: results.reduce((n, r) => n + r.errors, 0),
          };
          ((result.runs[size] ??= {})[kind] ??= []).push(run);
          const pool = ((result.samples[size] ??= {})[kind] ??= []);
          for (
            let i = 0;
            i < latencies.length && pool.length < 20_000;
            i += Math.max(1, Math.floor(latencies.length / 4000))
          )
            pool.push(latencies[i]!);
          console.error(
            `  keystroke ${kind} room ${size} rep ${rep + 1}: p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, missing ${missing}/${expected}, ${received.length} deliveries, server CPU ${run.serverCpuMs.toFixed(0)} ms`,
          );
        }
      }
    }
  } finally {
    for (const sut of suts.values()) await sut.stop();
  }
  return result;
}
