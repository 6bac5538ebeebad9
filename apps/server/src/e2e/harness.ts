import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startRelay, createJsonLogger, type RelayLimits, type RunningRelay } from '@trame/relay';
import { FrameKind, type Frame, type ReadyFrame } from '@trame/protocol';
import {
  RelayConnection,
  type TrameError,
  generateIdentity,
  MemoryHeadStore,
  openDocument,
  ready,
  SpaceSession,
  type DocumentSession,
  type Identity,
  type OpenDocumentOptions,
  type WebSocketConstructor,
} from '@trame/sync';

export const WS = WebSocket as unknown as WebSocketConstructor;

/** A relay on port 0 with its own SQLite file and JSON log, torn down by `stop`. */
export interface TestRelay {
  relay: RunningRelay;
  dataDir: string;
  logFile: string;
  port: number;
  url: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function startTestRelay(
  o: {
    dataDir?: string;
    port?: number;
    limits?: Partial<RelayLimits>;
    publicHosts?: string[];
    now?: () => number;
  } = {},
): Promise<TestRelay> {
  await ready();
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'trame-e2e-'));
  const logFile = join(dataDir, 'relay.log');
  let logger = createJsonLogger({ file: logFile });
  const limits = o.limits ?? {};
  const publicHosts = o.publicHosts ?? null;
  const clock = o.now ? { now: o.now } : {};
  let relay = await startRelay({ dataDir, logger, port: o.port ?? 0, limits, publicHosts, ...clock });
  const t: TestRelay = {
    relay,
    dataDir,
    logFile,
    port: relay.port,
    url: relay.url,
    async restart() {
      await t.stop();
      logger = createJsonLogger({ file: logFile });
      relay = await startRelay({ dataDir, logger, port: t.port, limits, publicHosts, ...clock });
      t.relay = relay;
    },
    async stop() {
      await relay.close();
      await logger.close?.();
    },
    async cleanup() {
      await t.stop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

/** What a test file opens, closed after each test: sessions (`closers`) and its relay. */
export interface E2EScope {
  relay: TestRelay | null;
  closers: Array<() => void>;
  /** Starts this test's relay; it is cleaned up after the test. */
  start(o?: Parameters<typeof startTestRelay>[0]): Promise<TestRelay>;
}

/** Registers the teardown every end-to-end test file needs (call at the top of the file). */
export function e2eScope(): E2EScope {
  const scope: E2EScope = {
    relay: null,
    closers: [],
    async start(o) {
      scope.relay = await startTestRelay(o);
      return scope.relay;
    },
  };
  afterEach(async () => {
    for (const c of scope.closers.splice(0)) c();
    await scope.relay?.cleanup();
    scope.relay = null;
  });
  return scope;
}

export interface Person {
  name: string;
  identity: Identity;
  heads: MemoryHeadStore;
}

export function person(name: string): Person {
  return { name, identity: generateIdentity(), heads: new MemoryHeadStore() };
}

export async function createSpace(url: string, owner: Person): Promise<SpaceSession> {
  return SpaceSession.create({ relayUrl: url, identity: owner.identity, WebSocketImpl: WS });
}

export async function openSpace(url: string, who: Person, spaceId: Uint8Array): Promise<SpaceSession> {
  return SpaceSession.open({ relayUrl: url, identity: who.identity, spaceId, WebSocketImpl: WS });
}

export function openDoc(
  space: SpaceSession,
  who: Person,
  docId: Uint8Array,
  extra: Partial<OpenDocumentOptions> = {},
): DocumentSession {
  return openDocument({
    space,
    docId,
    user: { name: who.name, color: '#3366ff' },
    headStore: who.heads,
    WebSocketImpl: WS,
    ...extra,
  });
}

/** Polls until `fn` is true (tests wait for convergence, never for a fixed time). */
export async function waitFor(fn: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!fn()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function text(s: DocumentSession, name = 't'): string {
  return s.doc.getText(name).toString();
}

export { Y };

/** Counts frames a session receives, by kind name. */
export function countFrames(s: DocumentSession): Map<number, number> {
  const counts = new Map<number, number>();
  s.on('frame', (kind: number) => counts.set(kind, (counts.get(kind) ?? 0) + 1));
  return counts;
}

/** Collects the typed errors a session reports. */
export function collectErrors(s: { on(e: 'error', f: (err: TrameError) => void): void }): TrameError[] {
  const errors: TrameError[] = [];
  s.on('error', (e) => errors.push(e));
  return errors;
}

export interface RogueClient {
  conn: RelayConnection;
  frames: Frame[];
  ready: Promise<ReadyFrame>;
  closed: Promise<{ code: number; reason: string }>;
}

/** A raw, authenticated connection that can send any frame: a misbehaving member's client. */
export function rogue(url: string, identity: Identity, spaceId: Uint8Array, docId: Uint8Array): RogueClient {
  const frames: Frame[] = [];
  let onReady!: (r: ReadyFrame) => void;
  let onClosed!: (c: { code: number; reason: string }) => void;
  const ready = new Promise<ReadyFrame>((r) => (onReady = r));
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClosed = r));
  const conn = new RelayConnection({
    url,
    identity,
    spaceId,
    docId,
    WebSocketImpl: WS,
    onFrame: (f) => {
      frames.push(f);
      if (f.kind === FrameKind.Ready) onReady(f);
    },
    onClose: (code, reason) => onClosed({ code, reason }),
  });
  return { conn, frames, ready, closed };
}
