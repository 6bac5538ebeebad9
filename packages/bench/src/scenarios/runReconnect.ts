import type { ServerKind } from '../servers/ServerKind.js';
import { percentiles } from '../stats/percentiles.js';
import { now } from '../workers/now.js';
import type { BenchEnv, ServerUnderTest } from './BenchEnv.js';
import { randomRoom } from './randomRoom.js';
import { sleep } from './sleep.js';

/** One storm: when the last client was synced again, and each client's own wait. */
export interface ReconnectRun {
  spreadMs: number;
  clients: number;
  /** From the storm's start until every client is synced, ms. */
  allSyncedMs: number;
  /** Per client, from its reconnect to its synced event: p50 / p99, ms. */
  clientP50: number;
  clientP99: number;
  serverCpuMs: number;
}

export type ReconnectResult = Partial<Record<ServerKind, ReconnectRun[]>>;

/**
 * Reconnect storm: `stormClients` editors over `stormDocuments` documents (with some text
 * typed, so that there is state to sync) drop their connections, then all reconnect within
 * `spreadMs` (uniformly at random; 0 = at once).
 */
export async function runReconnect(env: BenchEnv, kinds: readonly ServerKind[]): Promise<ReconnectResult> {
  const o = env.o;
  const result: ReconnectResult = {};
  const perDoc = Math.ceil(o.stormClients / o.stormDocuments);
  const suts = new Map<ServerKind, { sut: ServerUnderTest; rooms: string[]; identities: number[] }>();
  try {
    for (const kind of kinds) {
      const sut = await env.start(kind, perDoc);
      const docs = Array.from({ length: o.stormDocuments }, () => randomRoom());
      const rooms = Array.from({ length: o.stormClients }, (_, i) => docs[i % docs.length]!);
      // Client i is the (i / documents)-th editor of its document: distinct identities per document.
      const identities = rooms.map((_, i) => Math.floor(i / docs.length));
      suts.set(kind, { sut, rooms, identities });
    }
    for (let rep = 0; rep < o.reps; rep++) {
      for (const spreadMs of o.stormSpreadsMs) {
        for (const kind of kinds) {
          const { sut, rooms, identities } = suts.get(kind)!;
          await Promise.all(env.workers.map((w) => w.call('init', { trame: sut.trame })));
          const split = [0, 1].map((w) => ({
            rooms: rooms.filter((_, i) => i % 2 === w),
            ids: identities.filter((_, i) => i % 2 === w),
          }));
          await Promise.all(
            env.workers.map((wk, w) =>
              wk.call('openIdle', { kind, url: sut.server.url, rooms: split[w]!.rooms, identities: split[w]!.ids }),
            ),
          );
          // Some text on every document (a tail to serve), typed by every client.
          await Promise.all(
            env.workers.map((w, i) =>
              w.call('type', {
                keysPerSec: 2,
                durationMs: o.quick ? 600 : 1000,
                drainMs: o.quick ? 300 : 800,
                seed: rep * 5 + i + 1,
              }),
            ),
          );
          await Promise.all(env.workers.map((w) => w.call('disconnectAll', undefined as never)));
          await sleep(o.quick ? 400 : 1000);
          const before = await sut.server.stats();
          const startAt = now() + 200;
          const storms = await Promise.all(env.workers.map((w) => w.call('reconnectAll', { startAt, spreadMs })));
          const after = await sut.server.stats();
          await Promise.all(env.workers.map((w) => w.call('closeAll', undefined as never)));
          const syncedAt = storms.flatMap((s) => s.syncedAt);
          const waits = storms.flatMap((s) => s.syncedAt.map((t, i) => t - s.connectAt[i]!));
          const p = percentiles(waits);
          const run: ReconnectRun = {
            spreadMs,
            clients: syncedAt.length,
            allSyncedMs: Math.max(...syncedAt) - startAt,
            clientP50: p.p50,
            clientP99: p.p99,
            serverCpuMs: after.cpuMs - before.cpuMs,
          };
          (result[kind] ??= []).push(run);
          console.error(
            `  reconnect ${kind} spread ${spreadMs} ms rep ${rep + 1}: all synced after ${run.allSyncedMs.toFixed(0)} ms (client p99 ${run.clientP99.toFixed(0)} ms), server CPU ${run.serverCpuMs.toFixed(0)} ms`,
          );
        }
      }
    }
  } finally {
    for (const { sut } of suts.values()) await sut.stop();
  }
  return result;
}
