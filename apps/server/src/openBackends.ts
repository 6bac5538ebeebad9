import { join } from 'node:path';
import { PostgresStorage, RedisFanout, SqliteStorage, type Fanout, type Logger, type RelayStorage } from '@trame/relay';

/** Where a server keeps its data and how its instances talk to each other. */
export interface BackendOptions {
  /** SQLite's directory when there is no `databaseUrl`. */
  dataDir: string;
  databaseUrl?: string;
  databaseSchema?: string;
  databaseTimeoutMs?: number;
  redisUrl?: string;
  redisPrefix?: string;
  /** At start-up, keep retrying PostgreSQL and Redis for this long. */
  startupRetryMs?: number;
}

/** Storage and fan-out opened for a server, closed together. */
export interface Backends {
  storage: RelayStorage;
  /** Undefined: the relay's in-process fan-out (one instance). */
  fanout?: Fanout;
  close(): Promise<void>;
}

/**
 * SQLite in `dataDir` by default; PostgreSQL when `databaseUrl` is set (migrated at start-up),
 * plus the Redis fan-out when `redisUrl` is set (several instances behind a load balancer).
 */
export async function openBackends(o: BackendOptions, logger: Logger): Promise<Backends> {
  if (!o.databaseUrl) {
    const storage = SqliteStorage.open(join(o.dataDir, 'trame.sqlite'));
    return { storage, close: () => storage.close() };
  }
  const timeoutMs = o.databaseTimeoutMs ?? 5000;
  const storage = await PostgresStorage.open({
    url: o.databaseUrl,
    ...(o.databaseSchema ? { schema: o.databaseSchema } : {}),
    timeoutMs,
    startupRetryMs: o.startupRetryMs ?? 0,
    logger,
  });
  if (!o.redisUrl) {
    logger.log('warn', 'server.single_instance', { reason: 'DATABASE_URL without REDIS_URL: run one instance only' });
    return { storage, close: () => storage.close() };
  }
  let fanout: RedisFanout;
  try {
    fanout = await RedisFanout.open({
      url: o.redisUrl,
      ...(o.redisPrefix ? { prefix: o.redisPrefix } : {}),
      commitLog: storage,
      logger,
      timeoutMs: Math.min(timeoutMs, 3000),
      startupRetryMs: o.startupRetryMs ?? 0,
    });
  } catch (e) {
    await storage.close();
    throw e;
  }
  return {
    storage,
    fanout,
    async close() {
      await fanout.close();
      await storage.close();
    },
  };
}
