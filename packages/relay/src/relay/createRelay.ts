import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { WebSocketServer, type RawData } from 'ws';
import { CloseCode, TRAME_SUBPROTOCOL } from '@trame/protocol';
import { Admission } from '../admission/Admission.js';
import { EphemeralBudgets } from '../limits/EphemeralBudgets.js';
import { KeyedBuckets } from '../limits/KeyedBuckets.js';
import { LoadGate } from '../limits/LoadGate.js';
import { RelayMetrics } from '../metrics/RelayMetrics.js';
import { KeyedSerialQueue } from '../concurrency/KeyedSerialQueue.js';
import { Connection } from '../connection/Connection.js';
import { DurabilityNotice } from '../documents/DurabilityNotice.js';
import { ChainLinks } from '../documents/ChainLinks.js';
import { WriteCoalescer } from '../connection/WriteCoalescer.js';
import type { Fanout } from '../fanout/Fanout.js';
import { InProcessFanout } from '../fanout/InProcessFanout.js';
import { acceptWebSockets, type UpgradeGate } from '../http/acceptWebSockets.js';
import { OPEN_SPACE_CREATION, type SpaceCreationPolicy } from '../admission/SpaceCreationPolicy.js';
import { isRelayPath } from '../http/isRelayPath.js';
import { handleHistoryRequest } from '../history/handleHistoryRequest.js';
import { readHealth } from '../http/readHealth.js';
import type { NodeRequestHandler, RelayFallback } from '../http/RelayFallback.js';
import { Hub } from '../hub/Hub.js';
import { PairingHub } from '../pairing/PairingHub.js';
import { roomKey } from '../hub/roomKey.js';
import { createJsonLogger } from '../logging/createJsonLogger.js';
import type { Logger } from '../logging/Logger.js';
import type { RelayStorage } from '../storage/RelayStorage.js';
import { WriteHealth } from '../storage/WriteHealth.js';
import { sweepInviteWraps } from '../space/sweepInviteWraps.js';
import type { RelayContext } from './RelayContext.js';
import { DEFAULT_RELAY_LIMITS, type RelayLimits } from './RelayLimits.js';

/** Options of {@link createRelay}. */
export interface RelayOptions {
  storage: RelayStorage;
  /**
   * Fan-out of accepted frames to other connections; defaults to {@link InProcessFanout} (one
   * process). Several instances sharing PostgreSQL use a `RedisFanout`. Not closed by the relay.
   */
  fanout?: Fanout;
  /** Defaults to JSON lines on stdout at level `info`. */
  logger?: Logger;
  /** Overrides of {@link DEFAULT_RELAY_LIMITS} (tests shorten timeouts). */
  limits?: Partial<RelayLimits>;
  /** Handler for every other HTTP path (the web app), see {@link RelayFallback}. */
  fallback?: RelayFallback;
  /** Wall clock in ms, for invite expiry (R35). */
  now?: () => number;
  /**
   * Header that carries the client address behind a reverse proxy (R60), e.g.
   * `x-forwarded-for`; only set it when every request comes through that proxy.
   */
  trustedProxyHeader?: string | null;
  /**
   * R16: the hosts clients reach the relay by (`trame.example`, or `host:port`); AUTH signatures
   * must name one. Unset: the `Host` header of each upgrade request (fine behind a proxy that
   * serves only those names, like the Caddy of docs/deploy.md).
   */
  publicHosts?: readonly string[] | null;
  /** R68: who may create spaces; default open (rate-limited per address, R65). */
  spaceCreation?: SpaceCreationPolicy;
}

/** Where a relay listens. */
export interface ListenOptions {
  /** 0 picks a free port. Defaults to 0. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
}

/** A listening relay server. */
export interface RelayServer {
  readonly server: Server;
  readonly host: string;
  readonly port: number;
  /** Websocket endpoint, `ws://host:port/ws` (clients may append `/<room>`). */
  readonly url: string;
  /** `http://host:port`, for `/health` and the web app. */
  readonly httpUrl: string;
}

/** A relay: an HTTP app with the websocket route, and its connections. */
export interface Relay {
  /**
   * Hono app with `GET /health` (and the fetch fallback, if any). Websocket upgrades on `/ws`
   * and `/ws/*` do not go through it: the server hands them to {@link websocketServer}.
   */
  readonly app: Hono<{ Bindings: HttpBindings }>;
  readonly websocketServer: WebSocketServer;
  readonly limits: Readonly<RelayLimits>;
  /** Creates the (not yet listening) Node HTTP server that serves the app and upgrades `/ws`. */
  createServer(): Server;
  /** Creates the server and listens. */
  listen(options?: ListenOptions): Promise<RelayServer>;
  /** Open websocket connections (document, space and pairing). */
  connectionCount(): number;
  /** DEVICES-1: pairing channels open now (R100). */
  pairingChannelCount(): number;
  /** R78: deletes expired invites' wrap secrets now (also done at start and every heartbeat). */
  sweepInviteWraps(): Promise<number>;
  /**
   * Graceful shutdown: closes every connection with 4599, waits for frames being handled,
   * stops the server. Does not close storage (its owner does).
   */
  close(): Promise<void>;
}

/**
 * Builds a relay on a storage adapter. The relay stores and forwards ciphertext only; it
 * verifies AUTH and MEMBERSHIP signatures and enforces PROTOCOL.md §5-§7.
 */
export function createRelay(options: RelayOptions): Relay {
  const limits: RelayLimits = { ...DEFAULT_RELAY_LIMITS, ...options.limits };
  const logger = options.logger ?? createJsonLogger();
  const hub = new Hub<Connection>();
  const inflight = new Set<Promise<unknown>>();
  const fanout = options.fanout ?? new InProcessFanout();
  const writeHealth = new WriteHealth();
  const admission = new Admission(limits);
  const metrics = new RelayMetrics({
    connectionsByPhase: () => {
      const counts: Record<string, number> = { hello: 0, auth: 0, genesis: 0, loading: 0, open: 0 };
      for (const c of hub.connections()) if (c.phase in counts) counts[c.phase]! += 1;
      return counts;
    },
    admission: () => admission.counts(),
    droppedLogLines: () => (logger as { droppedLines?: () => number }).droppedLines?.() ?? 0,
  });
  const ctx: RelayContext = {
    storage: writeHealth.observe(options.storage, (seconds, ok) => metrics.storageWrite(seconds, ok)),
    logger,
    limits,
    spaceCreation: options.spaceCreation ?? OPEN_SPACE_CREATION,
    hub,
    fanout,
    documentQueue: new KeyedSerialQueue(),
    deliveryQueue: new KeyedSerialQueue(),
    writes: new WriteCoalescer(),
    durability: new DurabilityNotice((roomKey) => hub.documentRoom(roomKey)),
    spaceQueue: new KeyedSerialQueue(),
    admission,
    metrics,
    loads: new LoadGate(limits.maxLoadsPerIdentity, limits.maxConcurrentLoads),
    budgets: {
      identity: new KeyedBuckets(limits.bytesPerSecondPerIdentity, limits.byteBurstPerIdentity),
      space: new KeyedBuckets(limits.bytesPerSecondPerSpace, limits.byteBurstPerSpace),
      spaceCreation: new KeyedBuckets(
        limits.spaceCreationsPerHourPerAddress / 3600,
        limits.spaceCreationBurstPerAddress,
      ),
    },
    chainLinks: new ChainLinks(),
    ephemeral: new EphemeralBudgets(limits),
    publicHosts: options.publicHosts ?? null,
    now: options.now ?? Date.now,
    track(work) {
      inflight.add(work);
      void work.finally(() => inflight.delete(work));
    },
  };

  fanout.attach({
    documentPeers: (spaceKey, docKey) => hub.documentPeers(spaceKey, docKey),
    spacePeers: (spaceKey) => hub.spacePeers(spaceKey),
    inDocumentQueue: (spaceKey, docKey, task) => ctx.documentQueue.run(roomKey(spaceKey, docKey), task),
    inSpaceQueue: (spaceKey, task) => ctx.spaceQueue.run(spaceKey, task),
    logger,
    durableDelivered: (spaceKey, docKey) => ctx.durability.delivered(roomKey(spaceKey, docKey)),
  });

  // DEVICES-1: the pairing channel (PROTOCOL.md §11), on its own path and websocket server.
  const pairing = new PairingHub({ limits, admission, logger, now: ctx.now });

  const websocketServer = new WebSocketServer({
    noServer: true,
    // Each connection starts at the handshake limit and is raised once admitted (R60).
    maxPayload: limits.maxPayloadBytes,
    perMessageDeflate: false,
    // R9: the upgrade was only let through if it offers this one.
    handleProtocols: () => TRAME_SUBPROTOCOL,
  });

  const app = new Hono<{ Bindings: HttpBindings }>();
  app.get('/health', async (c) => {
    const report = await readHealth(options.storage, limits.healthTimeoutMs, fanout, writeHealth);
    return c.json(report, report.ok ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    const { body, contentType } = await metrics.scrape();
    return c.body(body, 200, { 'content-type': contentType });
  });
  // HISTORY-1/3 (PROTOCOL.md §10): versions, names and retention, signed per request.
  const historyWrites = new KeyedBuckets(
    limits.historyWritesPerMinutePerIdentity / 60,
    limits.historyWriteBurstPerIdentity,
    ctx.now,
  );
  app.all('/history/*', (c) => handleHistoryRequest({ ...ctx, writes: historyWrites }, c.req.raw));
  const fallback = options.fallback;
  if (fallback && typeof fallback !== 'function') app.all('*', (c) => fallback.fetch(c.req.raw));

  const sweep = (): Promise<number> => {
    const work = sweepInviteWraps(ctx);
    ctx.track(work);
    return work;
  };
  void sweep();
  const heartbeat = setInterval(() => {
    void sweep();
    for (const conn of hub.connections()) conn.heartbeat();
    ctx.admission.sweep();
    pairing.sweep();
    for (const b of Object.values(ctx.budgets)) b.sweep();
    historyWrites.sweep();
  }, limits.pingIntervalMs);
  heartbeat.unref();

  let server: Server | null = null;
  let closing: Promise<void> | null = null;

  function createServer(): Server {
    if (server) throw new Error('this relay already has a server');
    const nodeFallback = typeof fallback === 'function' ? fallback : null;
    server = createAdaptorServer({
      fetch: app.fetch,
      ...(nodeFallback ? { createServer: withNodeFallback(nodeFallback) } : {}),
    }) as Server;
    // R60: a client that opens TCP connections and never finishes its request headers.
    server.headersTimeout = Math.min(server.headersTimeout, limits.authTimeoutMs);
    server.requestTimeout = Math.min(server.requestTimeout || Infinity, 60_000);
    const gate: UpgradeGate = {
      admission: ctx.admission,
      trustedProxyHeader: options.trustedProxyHeader ?? null,
      creationToken: ctx.spaceCreation.mode === 'token' ? ctx.spaceCreation.token : null,
      refused: (reason) => metrics.refused(reason),
      pairing,
    };
    acceptWebSockets(server, websocketServer, gate, (socket, address, host, presentedToken) => {
      socket.binaryType = 'arraybuffer';
      const conn = new Connection(ctx, socket, address, host, presentedToken);
      socket.on('message', (data: RawData, isBinary: boolean) => {
        // With binaryType 'arraybuffer' ws hands every message over as one ArrayBuffer.
        const bytes = data as ArrayBuffer;
        conn.receive(isBinary ? bytes : Buffer.from(bytes).toString('utf8'));
      });
      socket.on('close', (code: number) => conn.socketClosed(code));
      // ws closes the socket itself after a protocol error; without a listener the error would throw.
      socket.on('error', ignoreError);
    });
    return server;
  }

  async function listen(listenOptions: ListenOptions = {}): Promise<RelayServer> {
    const s = createServer();
    const host = listenOptions.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(listenOptions.port ?? 0, host, () => {
        s.off('error', reject);
        resolve();
      });
    });
    const port = (s.address() as AddressInfo).port;
    const shown = host.includes(':') ? `[${host}]` : host;
    logger.log('info', 'relay.listening', { host, port });
    return { server: s, host, port, url: `ws://${shown}:${port}/ws`, httpUrl: `http://${shown}:${port}` };
  }

  async function shutdown(): Promise<void> {
    clearInterval(heartbeat);
    // Stop accepting connections now; the callback fires once the open ones are gone.
    const s = server;
    const serverClosed = s?.listening ? new Promise<void>((resolve) => s.close(() => resolve())) : Promise.resolve();
    for (const conn of hub.connections()) conn.close(CloseCode.ShuttingDown, 'SHUTTING_DOWN');
    pairing.close();
    const deadline = Date.now() + limits.closeGraceMs;
    while ((websocketServer.clients.size > 0 || pairing.count() > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const socket of websocketServer.clients) socket.terminate();
    pairing.terminate();
    // Frames already being handled finish (and commit) before storage is closed by its owner.
    while (inflight.size > 0) await Promise.allSettled([...inflight]);
    await ctx.documentQueue.idle();
    await ctx.deliveryQueue.idle();
    await ctx.spaceQueue.idle();
    ctx.durability.close();
    s?.closeAllConnections();
    await serverClosed;
    websocketServer.close();
    logger.log('info', 'relay.closed');
  }

  return {
    app,
    websocketServer,
    limits,
    createServer,
    listen,
    connectionCount: () => websocketServer.clients.size + pairing.count(),
    pairingChannelCount: () => pairing.channelCount(),
    sweepInviteWraps: sweep,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}

function ignoreError(): void {}

/** A Node `createServer` that sends non-relay paths to `handler` and the rest to Hono. */
function withNodeFallback(handler: NodeRequestHandler): typeof createHttpServer {
  const create = (serverOptions: object, relayListener: (req: IncomingMessage, res: ServerResponse) => void): Server =>
    createHttpServer(serverOptions, (req, res) => {
      if (isRelayPath(req.url)) {
        relayListener(req, res);
        return;
      }
      const notFound = (error?: unknown): void => {
        if (res.headersSent) return;
        res.statusCode = error ? 500 : 404;
        res.end();
      };
      Promise.resolve()
        .then(() => handler(req, res, notFound))
        .catch(notFound);
    });
  return create as unknown as typeof createHttpServer;
}
