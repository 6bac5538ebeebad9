import { join } from 'node:path';
import type { Fanout } from '../fanout/Fanout.js';
import type { RelayFallback } from '../http/RelayFallback.js';
import type { Logger } from '../logging/Logger.js';
import type { RelayStorage } from '../storage/RelayStorage.js';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage.js';
import { createRelay, type Relay } from './createRelay.js';
import type { RelayLimits } from './RelayLimits.js';
import type { SpaceCreationPolicy } from '../admission/SpaceCreationPolicy.js';

/** Options of {@link startRelay}: give `storage`, or `dataDir` for SQLite at `dataDir/trame.sqlite`. */
export interface StartRelayOptions {
  /** Defaults to 0 (a free port). */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  storage?: RelayStorage;
  /** Fan-out between instances (`RedisFanout`); in-process by default. Closed by its owner. */
  fanout?: Fanout;
  dataDir?: string;
  logger?: Logger;
  limits?: Partial<RelayLimits>;
  fallback?: RelayFallback;
  now?: () => number;
  /** Header carrying the client address behind a trusted proxy (see `RelayOptions`). */
  trustedProxyHeader?: string | null;
  /** R16: the hosts clients reach the relay by (see `RelayOptions`). */
  publicHosts?: readonly string[] | null;
  /** R68: who may create spaces (see `RelayOptions`). */
  spaceCreation?: SpaceCreationPolicy;
}

/** A started relay. */
export interface RunningRelay {
  /** Websocket endpoint, `ws://host:port/ws`. */
  readonly url: string;
  /** `http://host:port`. */
  readonly httpUrl: string;
  readonly host: string;
  readonly port: number;
  readonly relay: Relay;
  readonly storage: RelayStorage;
  /** Graceful shutdown (close 4599 to every client); closes storage if it was opened here. */
  close(): Promise<void>;
}

/** Creates a relay, opens its storage if needed, and listens. */
export async function startRelay(options: StartRelayOptions): Promise<RunningRelay> {
  let storage = options.storage;
  let ownsStorage = false;
  if (!storage) {
    if (!options.dataDir) throw new Error('startRelay needs storage or dataDir');
    storage = SqliteStorage.open(join(options.dataDir, 'trame.sqlite'));
    ownsStorage = true;
  }
  const relay = createRelay({
    storage,
    ...(options.fanout ? { fanout: options.fanout } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.fallback ? { fallback: options.fallback } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.trustedProxyHeader ? { trustedProxyHeader: options.trustedProxyHeader } : {}),
    ...(options.publicHosts ? { publicHosts: options.publicHosts } : {}),
    ...(options.spaceCreation ? { spaceCreation: options.spaceCreation } : {}),
  });
  let server;
  try {
    server = await relay.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (e) {
    await relay.close();
    if (ownsStorage) await storage.close();
    throw e;
  }
  const opened = storage;
  let closing: Promise<void> | null = null;
  return {
    url: server.url,
    httpUrl: server.httpUrl,
    host: server.host,
    port: server.port,
    relay,
    storage: opened,
    close() {
      closing ??= (async () => {
        await relay.close();
        if (ownsStorage) await opened.close();
      })();
      return closing;
    },
  };
}
