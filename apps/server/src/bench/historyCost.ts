/**
 * HISTORY-3: the storage cost of a month of an active document's version history, measured by
 * replaying a real editing trace (../shared/data/editing-traces, CC BY 4.0) into a document with
 * simulated time, against a real relay (SQLite) whose clock is that simulated time: versions are
 * written as a writer's client writes them (R114: after 2 minutes idle, every 15 minutes of
 * continuous editing), sealed, signed, sent over HTTP, stored and thinned by the relay (R112,
 * default policy). Run: `npm run bench:history -w @trame/server` (options: `--trace NAME`,
 * `--days N` to fit the trace's own timeline into N days, 0 = its real timing).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DEFAULT_RETENTION_POLICY } from '@trame/protocol';
import { silentLogger, SqliteStorage, startRelay } from '@trame/relay';
import { generateIdentity, newDocId, ready, SpaceSession, type WebSocketConstructor } from '@trame/sync';
import { DEFAULT_VERSION_POLICY, HistoryClient } from '@trame/sync/history';

type Patch = [number, number, string];
interface Trace {
  txns: Array<{ time?: string; timestamp?: string; patches: Patch[] }>;
  endContent: string;
}

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const traceName = arg('trace', 'seph-blog1');
const days = Number(arg('days', '30'));
const traceDir = process.env.TRAME_TRACES_DIR
  ? `${process.env.TRAME_TRACES_DIR.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../../../../shared/data/editing-traces/', import.meta.url));
const trace = JSON.parse(gunzipSync(readFileSync(`${traceDir}${traceName}.json.gz`)).toString('utf8')) as Trace;

const times = trace.txns.map((t) => Date.parse(t.time ?? t.timestamp ?? '0'));
// Traces that start at 1970 carry no real time for their first edits: keep their order only.
const first = times.find((t) => t > 86_400_000) ?? 0;
const last = times[times.length - 1]!;
const span = Math.max(1, last - first);
const scale = days > 0 ? (days * 86_400_000) / span : 1;
const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const simTime = (i: number): number => START + Math.max(0, times[i]! - first) * scale;

await ready();
const dataDir = mkdtempSync(join(tmpdir(), 'trame-history-cost-'));
let clock = START;
const storage = SqliteStorage.open(join(dataDir, 'trame.sqlite'));
const relay = await startRelay({ storage, logger: silentLogger, now: () => clock });
const WS = WebSocket as unknown as WebSocketConstructor;
const identity = generateIdentity();
const space = await SpaceSession.create({ relayUrl: relay.url, identity, WebSocketImpl: WS });
const docId = newDocId();
const history = new HistoryClient({ space, docId, now: () => clock });

const doc = new Y.Doc();
const text = doc.getText('t');
const policy = DEFAULT_VERSION_POLICY;
let sessionStart: number | null = null;
let lastEdit = 0;
let written = 0;
let writtenBytes = 0;
let largest = 0;
const started = performance.now();

async function writeVersion(at: number): Promise<void> {
  clock = at;
  const state = Y.encodeStateAsUpdate(doc);
  await history.save({ state, startAt: sessionStart!, endAt: at, authors: [] });
  written += 1;
  // What keeping every version would cost: the v2 state plus the record's head (~330 bytes).
  writtenBytes += Y.convertUpdateFormatV1ToV2(state).length + 330;
  sessionStart = null;
}

for (let i = 0; i < trace.txns.length; i++) {
  const t = simTime(i);
  // R114: the session ended while nobody typed (idle), or reached its longest length.
  if (sessionStart !== null && t - lastEdit >= policy.idleMs) await writeVersion(lastEdit + policy.idleMs);
  if (sessionStart !== null && t - sessionStart >= policy.maxSessionMs) await writeVersion(t);
  sessionStart ??= t;
  lastEdit = t;
  doc.transact(() => {
    for (const [pos, del, ins] of trace.txns[i]!.patches) {
      if (del > 0) text.delete(pos, del);
      if (ins.length > 0) text.insert(pos, ins);
    }
  });
}
if (sessionStart !== null) await writeVersion(lastEdit + policy.idleMs);
if (text.toString() !== trace.endContent) throw new Error('the replay did not reach the trace end content');

const listed = await history.list();
const endOfTrace = { versions: listed.length, bytes: listed.reduce((n, v) => n + v.size, 0) };
for (const v of listed) largest = Math.max(largest, v.size);
// A month after the first edit (or at the end of the trace if later), the relay thins by the default policy.
clock = Math.max(clock, START + 30 * 86_400_000);
await history.setRetention({ ...DEFAULT_RETENTION_POLICY });
const kept = await history.list();
const keptBytes = kept.reduce((n, v) => n + v.size, 0);
const stateBytes = Y.encodeStateAsUpdate(doc).length;
const stateV2Bytes = Y.encodeStateAsUpdateV2(doc).length;
space.close();
await relay.close();
await storage.close();
const fileBytes = statSync(join(dataDir, 'trame.sqlite')).size;
rmSync(dataDir, { recursive: true, force: true });

const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MiB`;
console.log(
  JSON.stringify(
    {
      trace: traceName,
      edits: trace.txns.length,
      finalCharacters: trace.endContent.length,
      simulatedDays: ((lastEdit - START) / 86_400_000).toFixed(1),
      policy: { version: policy, retention: DEFAULT_RETENTION_POLICY },
      versionsWritten: written,
      bytesWithoutThinning: writtenBytes,
      versionsAtEndOfTrace: endOfTrace.versions,
      bytesAtEndOfTrace: endOfTrace.bytes,
      versionsKeptAfterAMonth: kept.length,
      bytesKeptAfterAMonth: keptBytes,
      largestVersionBytes: largest,
      documentStateBytes: { v1: stateBytes, v2: stateV2Bytes },
      sqliteFileBytes: fileBytes,
      seconds: ((performance.now() - started) / 1000).toFixed(1),
    },
    null,
    2,
  ),
);
console.log(
  `${traceName}: ${trace.txns.length} edits over ${days > 0 ? `${days} simulated days` : 'its real timeline'}; ` +
    `${written} versions written (${mib(endOfTrace.bytes)} kept at the end of the trace by thinning as it went), ` +
    `${kept.length} kept a month on (${mib(keptBytes)}); largest version ${kib(largest)}, document state ${kib(stateV2Bytes)} (v2).`,
);
