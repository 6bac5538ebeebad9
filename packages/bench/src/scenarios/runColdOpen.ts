import { fromHex } from '@trame/sync';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TrameContext } from '../clients/TrameContext.js';
import { ServerProcess } from '../servers/ServerProcess.js';
import { openPeerStore } from '../servers/openPeerStore.js';
import type { ServerKind } from '../servers/ServerKind.js';
import { loadSephHistory, type TraceHistory } from '../traces/loadSephHistory.js';
import type { BenchEnv } from './BenchEnv.js';
import { randomRoom } from './randomRoom.js';
import { seedTrameDocument, type SeedForm } from './seedTrameDocument.js';
import { setupTrameSpace } from './setupTrameSpace.js';

/** Cold-open times (ms) per stored form and server, one per repetition. */
export interface ColdOpenResult {
  trace: { name: string; updates: number; stateBytes: number; length: number; matches: boolean };
  runs: Partial<Record<SeedForm, Partial<Record<ServerKind, number[]>>>>;
}

let cached: TraceHistory | null = null;

/** The seph-blog1 history, replayed once per process. */
export function sephHistory(): TraceHistory {
  cached ??= loadSephHistory();
  return cached;
}

/**
 * Cold open of a long document: the seph-blog1 trace stored as its full history (one update
 * per transaction) or compacted (one state), then the server is restarted so that nothing is
 * in its memory, and a fresh client opens the document: time from creating the client (socket
 * open included) until its Y.Text holds the whole text.
 */
export async function runColdOpen(env: BenchEnv, kinds: readonly ServerKind[]): Promise<ColdOpenResult> {
  const o = env.o;
  const h = sephHistory();
  const result: ColdOpenResult = {
    trace: {
      name: h.name,
      updates: h.updates.length,
      stateBytes: h.state.length,
      length: h.length,
      matches: h.matches,
    },
    runs: {},
  };
  for (const kind of kinds) {
    const dataDir = env.newDataDir(kind);
    let trameSpace: TrameContext | null = null;
    const rooms: Partial<Record<SeedForm, string>> = {};
    const dbFile = join(dataDir, kind === 'trame' ? 'trame.sqlite' : 'peer.sqlite');
    // Seeding needs the space's keys: the owner creates the space, then the server stops.
    const seeding = await ServerProcess.start(kind, dataDir);
    const owner = kind === 'trame' ? await setupTrameSpace(seeding.url, 1) : null;
    trameSpace = owner?.ctx ?? null;
    if (kind !== 'trame') openPeerStore(dbFile).close();
    await seeding.stop();
    for (const form of o.coldForms) {
      const room = randomRoom();
      rooms[form] = room;
      if (kind === 'trame')
        seedTrameDocument(dataDir, owner!.owner.state, fromHex(trameSpace!.seeds[0]!), fromHex(room), form, h);
      else {
        const store = openPeerStore(dbFile);
        store.appendMany(room, form === 'history' ? h.updates : [h.state]);
        store.close();
      }
    }
    owner?.owner.close();
    // Opening may change what is stored (a Trame client compacts a long tail, Hocuspocus
    // stores the loaded state): every repetition starts from the same seeded file.
    copyFileSync(dbFile, `${dbFile}.seed`);
    for (const form of o.coldForms) {
      for (let rep = 0; rep < o.reps; rep++) {
        for (const suffix of ['-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
        copyFileSync(`${dbFile}.seed`, dbFile);
        const fresh = await env.start(kind, 1, dataDir, trameSpace);
        try {
          const ms = await env.workers[0]!.call('coldOpen', {
            kind,
            url: fresh.server.url,
            room: rooms[form]!,
            expectedLength: h.length,
            identity: 0,
          });
          (((result.runs[form] ??= {})[kind] ??= []) as number[]).push(ms);
          console.error(`  cold open ${form} ${kind} rep ${rep + 1}: ${ms.toFixed(0)} ms`);
        } finally {
          await fresh.stop();
        }
      }
    }
  }
  return result;
}
