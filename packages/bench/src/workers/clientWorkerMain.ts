import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { ready } from '@trame/sync';
import { CountingWebSocket } from '../clients/CountingWebSocket.js';
import type { Editor } from '../clients/Editor.js';
import { openEditor } from '../clients/openEditor.js';
import { openHocuspocusTypist } from '../clients/openHocuspocusTypist.js';
import { closeTrameSpaces, spaceFor } from '../clients/openTrameEditor.js';
import { openTrameTypist } from '../clients/openTrameTypist.js';
import { openYWebsocketTypist } from '../clients/openYWebsocketTypist.js';
import type { TrameContext } from '../clients/TrameContext.js';
import type { Typist } from '../clients/Typist.js';
import type { ServerKind } from '../servers/ServerKind.js';
import { clientCost } from './clientCost.js';
import { now } from './now.js';
import { recordRemoteEdits } from './recordRemoteEdits.js';
import { replayTraces, type ReplayArgs } from './replayTraces.js';
import type { BurstResult, DrainResult, EditStamp, RoomPlan, TypingResult } from './RoomPlan.js';
import { typeBurst } from './typeBurst.js';
import { waitForClocks } from './waitForClocks.js';

/**
 * A worker thread that runs clients, so that the server process is measured and the
 * benchmark's coordinator stays responsive. It answers `{ id, fn, args }` with `{ id, result }`.
 */
// y-websocket's provider adds a process 'exit' listener per instance; a thousand are expected.
process.setMaxListeners(0);
let trame: TrameContext | null = null;
const editors: Editor[] = [];
const typists: Typist[] = [];
const received: EditStamp[] = [];
let recording = false;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function openTypist(kind: ServerKind, url: string, room: string, identity: number): Promise<Typist> {
  if (kind === 'trame') return openTrameTypist(url, trame!, room, identity);
  return kind === 'y-websocket' ? openYWebsocketTypist(url, room) : openHocuspocusTypist(url, room);
}

/** Opens editors in batches, so that a thousand clients do not all handshake at once. */
async function openMany(kind: ServerKind, url: string, rooms: string[], identities: number[]): Promise<Editor[]> {
  const out: Editor[] = [];
  for (let i = 0; i < rooms.length; i += 50) {
    const batch = await Promise.all(
      rooms.slice(i, i + 50).map((room, j) => openEditor(kind, url, room, identities[i + j]!, trame)),
    );
    await Promise.all(batch.map((e) => e.whenSynced()));
    out.push(...batch);
  }
  return out;
}

const handlers = {
  async init(args: { trame: TrameContext | null }): Promise<void> {
    await ready();
    trame = args.trame;
  },

  async openRoom(plan: RoomPlan): Promise<void> {
    const opened = await openMany(
      plan.kind,
      plan.url,
      plan.editors.map(() => plan.room),
      plan.editors,
    );
    for (const e of opened) recordRemoteEdits(e.doc, received, () => recording);
    editors.push(...opened);
    const ts = await Promise.all(plan.typists.map((id) => openTypist(plan.kind, plan.url, plan.room, id)));
    await Promise.all(ts.map((t) => t.ready));
    typists.push(...ts);
  },

  /** Every editor and typist types at `keysPerSec` for `durationMs`, then waits `drainMs`. */
  async type(args: { keysPerSec: number; durationMs: number; drainMs: number; seed: number }): Promise<TypingResult> {
    const sent: EditStamp[] = [];
    received.length = 0;
    recording = true;
    let s = args.seed >>> 0;
    const rand = (): number => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const period = 1000 / args.keysPerSec;
    const timers: NodeJS.Timeout[] = [];
    const start = (fn: () => void): void => {
      // A random phase per editor, so that keys are not all sent in the same tick.
      timers.push(
        setTimeout(() => {
          fn();
          timers.push(setInterval(fn, period));
        }, rand() * period),
      );
    };
    for (const e of editors) {
      const text = e.doc.getText('t');
      let cursor = Math.floor(rand() * (text.length + 1));
      start(() => {
        if (rand() < 0.05 || cursor > text.length) cursor = Math.floor(rand() * (text.length + 1));
        const clock = Y.getState(e.doc.store, e.doc.clientID);
        sent.push([e.doc.clientID, clock, now()]);
        text.insert(cursor++, String.fromCharCode(97 + Math.floor(rand() * 26)));
      });
    }
    for (const t of typists) {
      start(() => {
        const at = now();
        sent.push([t.clientId, t.typeChar(), at]);
      });
    }
    await sleep(args.durationMs);
    for (const t of timers) clearTimeout(t);
    await sleep(args.drainMs);
    recording = false;
    return {
      sent,
      received: received.splice(0),
      errors: typists.reduce((n, t) => n + t.errors(), 0),
      editorClients: editors.map((e) => e.doc.clientID),
    };
  },

  /** Fan-out: every editor and typist types fast for `durationMs`; remote keys are recorded. */
  async burst(args: { keysPerSec: number; durationMs: number; seed: number }): Promise<BurstResult> {
    received.length = 0;
    recording = true;
    const elu0: EventLoopUtilization = performance.eventLoopUtilization();
    const m0 = CountingWebSocket.sent;
    const r = await typeBurst(editors, typists, args);
    return {
      ...r,
      messagesSent: CountingWebSocket.sent - m0,
      elu: performance.eventLoopUtilization(elu0).utilization,
      errors: typists.reduce((n, t) => n + t.errors(), 0),
      editorClients: editors.map((e) => e.doc.clientID),
    };
  },

  /** Fan-out: waits until the real editors have every sender's last key (or the deadline). */
  async drain(args: { clocks: Array<[number, number]>; timeoutMs: number }): Promise<DrainResult> {
    const t0 = now();
    const complete = await waitForClocks(editors, args.clocks, args.timeoutMs);
    recording = false;
    return { received: received.splice(0), complete, waitedMs: now() - t0 };
  },

  /** Every real editor replays a real trace at its recorded pace, then waits `drainMs`. */
  async replay(args: ReplayArgs & { drainMs: number }): Promise<TypingResult> {
    received.length = 0;
    recording = true;
    const sent = await replayTraces(editors, args);
    await sleep(args.drainMs);
    recording = false;
    return { sent, received: received.splice(0), errors: 0, editorClients: editors.map((e) => e.doc.clientID) };
  },

  async closeAll(): Promise<void> {
    for (const e of editors.splice(0)) e.destroy();
    for (const t of typists.splice(0)) t.close();
    await closeTrameSpaces();
  },

  /** Opens `room` fresh and returns ms until its text has `expectedLength` characters. */
  async coldOpen(args: {
    kind: ServerKind;
    url: string;
    room: string;
    expectedLength: number;
    identity: number;
  }): Promise<number> {
    // The space connection (membership, keys) is not part of opening a document.
    if (args.kind === 'trame') await spaceFor(args.url, trame!, args.identity);
    const t0 = now();
    const e = await openEditor(args.kind, args.url, args.room, args.identity, trame);
    const text = e.doc.getText('t');
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (text.length < args.expectedLength) return;
        e.doc.off('update', check);
        resolve();
      };
      e.doc.on('update', check);
      check();
    });
    const ms = now() - t0;
    e.destroy();
    return ms;
  },

  /** One editor per room (identities given per room), all synced. */
  async openIdle(args: { kind: ServerKind; url: string; rooms: string[]; identities: number[] }): Promise<void> {
    editors.push(...(await openMany(args.kind, args.url, args.rooms, args.identities)));
  },

  /** Drops every editor's connection. */
  async disconnectAll(): Promise<void> {
    for (const e of editors) e.disconnect();
  },

  /** Reconnects every editor at `startAt + random(spreadMs)`; returns absolute synced times. */
  async reconnectAll(args: {
    startAt: number;
    spreadMs: number;
  }): Promise<{ connectAt: number[]; syncedAt: number[] }> {
    const connectAt: number[] = [];
    const syncedAt: number[] = [];
    await Promise.all(
      editors.map(async (e, i) => {
        const at = args.startAt + Math.random() * args.spreadMs;
        await sleep(Math.max(0, at - now()));
        connectAt[i] = now();
        const synced = e.whenSynced();
        e.connect();
        await synced;
        syncedAt[i] = now();
      }),
    );
    return { connectAt, syncedAt };
  },

  async clientCost(args: { n: number; passes: number }): Promise<ReturnType<typeof clientCost>> {
    await ready();
    return clientCost(args.n, args.passes);
  },
};

export type WorkerHandlers = typeof handlers;

parentPort!.on('message', (m: { id: number; fn: keyof WorkerHandlers; args: never }) => {
  const fn = handlers[m.fn] as (a: never) => Promise<unknown>;
  fn(m.args).then(
    (result) => parentPort!.postMessage({ id: m.id, result }),
    (e: unknown) =>
      parentPort!.postMessage({ id: m.id, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) }),
  );
});
