import { mkdirSync } from 'node:fs';
import { openBackends, type BackendOptions } from './openBackends.js';
import {
  createJsonLogger,
  startRelay,
  type Logger,
  type LogLevel,
  type RelayFallback,
  type RelayLimits,
  type RunningRelay,
  type SpaceCreationPolicy,
} from '@trame/relay';

/** Options of {@link startServer}: SQLite in `dataDir`, or PostgreSQL (+ Redis) when their URLs are set. */
export interface StartServerOptions extends BackendOptions {
  /** Defaults to 8787; 0 picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Created if missing; holds `trame.sqlite` (SQLite mode only). */
  dataDir: string;
  /** JSON-lines log file (appended); stdout when absent. Ignored when `logger` is given. */
  logFile?: string;
  logLevel?: LogLevel;
  logger?: Logger;
  /**
   * Serves every path other than `/ws…` and `/health` on the same port: the built web app
   * (`serveWebApp`: the static SvelteKit build with its precompressed files), see `RelayFallback`.
   */
  fallback?: RelayFallback;
  limits?: Partial<RelayLimits>;
  /** Header carrying the client address behind a trusted reverse proxy (R60). */
  trustedProxyHeader?: string;
  /** R16: the hosts clients reach the server by; AUTH must name one (default: each request's Host). */
  publicHosts?: string[];
  /** R68: who may create spaces; open by default. */
  spaceCreation?: SpaceCreationPolicy;
}

/** A running Trame server. */
export interface RunningServer {
  readonly host: string;
  readonly port: number;
  /** `ws://host:port/ws`. */
  readonly url: string;
  /** `http://host:port`. */
  readonly httpUrl: string;
  readonly relay: RunningRelay;
  /** Graceful stop: clients are closed with 4599, storage and log file are closed. */
  close(): Promise<void>;
}

/** Starts the relay (SQLite in `dataDir`, or PostgreSQL and Redis) and, optionally, the web app on one port. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  if (!options.databaseUrl) mkdirSync(options.dataDir, { recursive: true });
  const ownLogger = options.logger
    ? null
    : createJsonLogger({ ...(options.logFile ? { file: options.logFile } : {}), level: options.logLevel ?? 'info' });
  const logger = options.logger ?? ownLogger!;
  let relay: RunningRelay;
  let backends: Awaited<ReturnType<typeof openBackends>> | null = null;
  try {
    backends = await openBackends(options, logger);
    relay = await startRelay({
      port: options.port ?? 8787,
      host: options.host ?? '127.0.0.1',
      storage: backends.storage,
      ...(backends.fanout ? { fanout: backends.fanout } : {}),
      logger,
      ...(options.fallback ? { fallback: options.fallback } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.trustedProxyHeader ? { trustedProxyHeader: options.trustedProxyHeader } : {}),
      ...(options.publicHosts ? { publicHosts: options.publicHosts } : {}),
      ...(options.spaceCreation ? { spaceCreation: options.spaceCreation } : {}),
    });
  } catch (e) {
    await backends?.close();
    ownLogger?.close();
    throw e;
  }
  const opened = backends;
  let closing: Promise<void> | null = null;
  return {
    host: relay.host,
    port: relay.port,
    url: relay.url,
    httpUrl: relay.httpUrl,
    relay,
    close() {
      closing ??= relay
        .close()
        .then(() => opened.close())
        .finally(() => ownLogger?.close());
      return closing;
    },
  };
}
