import { mkdirSync } from 'node:fs';
import {
  createJsonLogger,
  startRelay,
  type Logger,
  type LogLevel,
  type RelayFallback,
  type RelayLimits,
  type RunningRelay,
} from '@trame/relay';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** Defaults to 8787; 0 picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Created if missing; holds `trame.sqlite`. */
  dataDir: string;
  /** JSON-lines log file (appended); stdout when absent. Ignored when `logger` is given. */
  logFile?: string;
  logLevel?: LogLevel;
  logger?: Logger;
  /**
   * Serves every path other than `/ws…` and `/health` on the same port: the built web app
   * (e.g. SvelteKit adapter-node's `handler`), see `RelayFallback`.
   */
  fallback?: RelayFallback;
  limits?: Partial<RelayLimits>;
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

/** Starts the relay (SQLite in `dataDir`) and, optionally, the web app on one port. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const ownLogger = options.logger
    ? null
    : createJsonLogger({ ...(options.logFile ? { file: options.logFile } : {}), level: options.logLevel ?? 'info' });
  const logger = options.logger ?? ownLogger!;
  let relay: RunningRelay;
  try {
    relay = await startRelay({
      port: options.port ?? 8787,
      host: options.host ?? '127.0.0.1',
      dataDir: options.dataDir,
      logger,
      ...(options.fallback ? { fallback: options.fallback } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
  } catch (e) {
    ownLogger?.close();
    throw e;
  }
  let closing: Promise<void> | null = null;
  return {
    host: relay.host,
    port: relay.port,
    url: relay.url,
    httpUrl: relay.httpUrl,
    relay,
    close() {
      closing ??= relay.close().finally(() => ownLogger?.close());
      return closing;
    },
  };
}
