import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJsonLogger } from '../logging/createJsonLogger.js';
import type { RelayLimits } from '../relay/RelayLimits.js';
import { startRelay, type RunningRelay } from '../relay/startRelay.js';
import type { RelayStorage } from '../storage/RelayStorage.js';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage.js';
import type { SpaceCreationPolicy } from '../admission/SpaceCreationPolicy.js';

/** A relay on 127.0.0.1, port 0, with a temporary SQLite file and captured debug logs. */
export interface TestRelay {
  running: RunningRelay;
  url: string;
  dataDir: string;
  dbFile: string;
  /** Every log line written so far (JSON). */
  logs: string[];
  storage: RelayStorage;
  /** Stops the relay (keeps the data directory). */
  stop(): Promise<void>;
  /** Stops the relay and deletes the data directory. */
  close(): Promise<void>;
}

/** Options of {@link startTestRelay}. */
export interface TestRelayOptions {
  limits?: Partial<RelayLimits>;
  /** Reuse a data directory (restart tests). */
  dataDir?: string;
  /** Another storage than the data directory's SQLite file (e.g. PostgreSQL); closed with the relay. */
  storage?: RelayStorage;
  /** Wrap the SQLite storage (failure injection). */
  wrapStorage?: (storage: SqliteStorage) => RelayStorage;
  now?: () => number;
  trustedProxyHeader?: string;
  spaceCreation?: SpaceCreationPolicy;
}

export async function startTestRelay(options: TestRelayOptions = {}): Promise<TestRelay> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'trame-relay-'));
  const dbFile = join(dataDir, 'trame.sqlite');
  const logs: string[] = [];
  const sqlite = options.storage ? null : SqliteStorage.open(dbFile);
  const storage = sqlite ? (options.wrapStorage ? options.wrapStorage(sqlite) : sqlite) : options.storage!;
  const running = await startRelay({
    storage,
    logger: createJsonLogger({ level: 'debug', write: (line) => logs.push(line) }),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.trustedProxyHeader ? { trustedProxyHeader: options.trustedProxyHeader } : {}),
    ...(options.spaceCreation ? { spaceCreation: options.spaceCreation } : {}),
  });
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      await running.close();
      await storage.close();
    })();
    return stopped;
  };
  return {
    running,
    url: running.url,
    dataDir,
    dbFile,
    logs,
    storage,
    stop,
    async close() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
