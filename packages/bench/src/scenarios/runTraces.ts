import type { ServerKind } from '../servers/ServerKind.js';
import { percentiles } from '../stats/percentiles.js';
import { now } from '../workers/now.js';
import type { RoomPlan } from '../workers/RoomPlan.js';
import type { BenchEnv } from './BenchEnv.js';
import { joinLatencies } from './joinLatencies.js';
import type { KeystrokeRun } from './runKeystroke.js';
import { randomRoom } from './randomRoom.js';
import { sleep } from './sleep.js';

/** Traces replayed by the room's editors: two per worker, each on its own text. */
export const ROOM_TRACES: readonly [string[], string[]] = [
  ['rustcode', 'seph-blog1'],
  ['sveltecomponent', 'rustcode'],
];

export type TracesResult = Partial<Record<ServerKind, KeystrokeRun[]>>;

/**
 * Keystroke to remote render on real typing: four real editors in one room each replay a
 * recorded trace at its author's pace (pauses over 2 s shortened), measured like the
 * synthetic rooms. Paste bursts and multi-character edits come with the traces.
 */
export async function runTraces(env: BenchEnv, kinds: readonly ServerKind[]): Promise<TracesResult> {
  const o = env.o;
  const result: TracesResult = {};
  const suts = new Map<ServerKind, Awaited<ReturnType<BenchEnv['start']>>>();
  for (const kind of kinds) suts.set(kind, await env.start(kind, 4));
  try {
    for (let rep = 0; rep < o.reps; rep++) {
      for (const kind of kinds) {
        const sut = suts.get(kind)!;
        await Promise.all(env.workers.map((w) => w.call('init', { trame: sut.trame })));
        const room = randomRoom();
        const plans: RoomPlan[] = [0, 1].map((w) => ({ kind, url: sut.server.url, room, editors: [w, w + 2], typists: [] }));
        for (let w = 0; w < 2; w++) await env.workers[w]!.call('openRoom', plans[w]!);
        await sleep(300);
        const before = await sut.server.stats();
        const start = now();
        const results = await Promise.all(
          env.workers.map((w, i) =>
            w.call('replay', {
              traces: ROOM_TRACES[i]!,
              warmupMs: o.tracesWarmupMs,
              durationMs: o.tracesDurationMs,
              drainMs: o.drainMs,
            }),
          ),
        );
        const after = await sut.server.stats();
        await Promise.all(env.workers.map((w) => w.call('closeAll', undefined as never)));
        const sent = results.flatMap((r) => r.sent);
        const received = results.flatMap((r) => r.received);
        const real = new Set(results.flatMap((r) => r.editorClients));
        const { latencies, expected, missing } = joinLatencies(
          sent,
          received,
          start + o.tracesWarmupMs,
          start + o.tracesDurationMs,
          () => real.size - 1,
        );
        const run: KeystrokeRun = {
          ...percentiles(latencies),
          expected,
          missing,
          serverCpuMs: after.cpuMs - before.cpuMs,
          deliveries: received.length,
          serverDeliveries: sent.length * (real.size - 1),
          typistErrors: 0,
        };
        (result[kind] ??= []).push(run);
        console.error(
          `  traces ${kind} rep ${rep + 1}: p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, ${latencies.length} samples, missing ${missing}/${expected}, server CPU ${run.serverCpuMs.toFixed(0)} ms`,
        );
      }
    }
  } finally {
    for (const sut of suts.values()) await sut.stop();
  }
  return result;
}
