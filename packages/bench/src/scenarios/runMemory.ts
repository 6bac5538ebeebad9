import { join } from 'node:path';
import { fromHex } from '@trame/sync';
import { openPeerStore } from '../servers/openPeerStore.js';
import { ServerProcess } from '../servers/ServerProcess.js';
import type { ServerKind } from '../servers/ServerKind.js';
import type { BenchEnv } from './BenchEnv.js';
import { randomRoom } from './randomRoom.js';
import { sephHistory } from './runColdOpen.js';
import { seedTrameDocument } from './seedTrameDocument.js';
import { setupTrameSpace } from './setupTrameSpace.js';
import { sleep } from './sleep.js';

/** Bytes of server memory (after a full GC), per idle connection and per open document. */
export interface MemoryRun {
  connections: number;
  rssPerConnection: number;
  heapPerConnection: number;
  documents: number;
  rssPerDocument: number;
  heapPerDocument: number;
}

export type MemoryResult = Partial<Record<ServerKind, MemoryRun[]>>;

/** `heapUsed + external`: what the server's objects and buffers take, GC'd. */
function heapOf(s: { heapUsed: number; external: number }): number {
  return s.heapUsed + s.external;
}

/** Splits `items` in two halves, one per worker. */
function halves<T>(items: T[]): [T[], T[]] {
  return [items.filter((_, i) => i % 2 === 0), items.filter((_, i) => i % 2 === 1)];
}

/**
 * Memory: (1) `idleConnections` clients, one per (empty) document, connected and idle: server
 * RSS and heap growth per connection; (2) `bigDocuments` documents of seph-blog1 size (stored
 * compacted) opened by one client each: growth per document, minus a connection's share.
 */
export async function runMemory(env: BenchEnv, kinds: readonly ServerKind[]): Promise<MemoryResult> {
  const o = env.o;
  const result: MemoryResult = {};
  const h = sephHistory();
  for (const kind of kinds) {
    for (let rep = 0; rep < Math.min(o.reps, 2); rep++) {
      // (1) idle connections
      const sut = await env.start(kind, 1);
      await sleep(200);
      const base = await sut.server.stats(true);
      const rooms = Array.from({ length: o.idleConnections }, () => randomRoom());
      const [a, b] = halves(rooms);
      await Promise.all([
        env.workers[0]!.call('openIdle', { kind, url: sut.server.url, rooms: a, identities: a.map(() => 0) }),
        env.workers[1]!.call('openIdle', { kind, url: sut.server.url, rooms: b, identities: b.map(() => 0) }),
      ]);
      await sleep(500);
      const idle = await sut.server.stats(true);
      await sut.stop();
      const n = o.idleConnections;
      const rssPerConnection = (idle.rss - base.rss) / n;
      const heapPerConnection = (heapOf(idle) - heapOf(base)) / n;

      // (2) big documents
      const dataDir = env.newDataDir(kind);
      const seeding = await ServerProcess.start(kind, dataDir);
      const owner = kind === 'trame' ? await setupTrameSpace(seeding.url, 1) : null;
      await seeding.stop();
      const docs = Array.from({ length: o.bigDocuments }, () => randomRoom());
      if (owner) {
        // One sealed snapshot, copied under each document id would not verify (the id is in
        // the header): seal one per document.
        for (const room of docs)
          seedTrameDocument(dataDir, owner.owner.state, fromHex(owner.ctx.seeds[0]!), fromHex(room), 'compacted', h);
        owner.owner.close();
      } else {
        const store = openPeerStore(join(dataDir, 'peer.sqlite'));
        for (const room of docs) store.appendMany(room, [h.state]);
        store.close();
      }
      const big = await env.start(kind, 1, dataDir, owner?.ctx ?? null);
      await sleep(200);
      const base2 = await big.server.stats(true);
      const [c, d] = halves(docs);
      await Promise.all([
        env.workers[0]!.call('openIdle', { kind, url: big.server.url, rooms: c, identities: c.map(() => 0) }),
        env.workers[1]!.call('openIdle', { kind, url: big.server.url, rooms: d, identities: d.map(() => 0) }),
      ]);
      await sleep(500);
      const open = await big.server.stats(true);
      await big.stop();
      const m = o.bigDocuments;
      const run: MemoryRun = {
        connections: n,
        rssPerConnection,
        heapPerConnection,
        documents: m,
        rssPerDocument: (open.rss - base2.rss) / m - rssPerConnection,
        heapPerDocument: (heapOf(open) - heapOf(base2)) / m - heapPerConnection,
      };
      (result[kind] ??= []).push(run);
      console.error(
        `  memory ${kind} rep ${rep + 1}: ${(run.rssPerConnection / 1024).toFixed(1)} KiB RSS/connection, ${(run.rssPerDocument / 1048576).toFixed(2)} MiB RSS/document (heap ${(run.heapPerDocument / 1048576).toFixed(2)} MiB)`,
      );
    }
  }
  return result;
}
