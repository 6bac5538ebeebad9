import { join } from 'node:path';
import { createJsonLogger, startRelay, type RunningRelay } from '@trame/relay';

/**
 * Trame's relay as `apps/server` runs it: SQLite (WAL, `synchronous = FULL`) in `dataDir`,
 * JSON log lines at level `info` to a file.
 */
export async function startTrameServer(dataDir: string): Promise<{ url: string; relay: RunningRelay }> {
  const logger = createJsonLogger({ file: join(dataDir, 'relay.log') });
  const relay = await startRelay({ dataDir, logger, host: '127.0.0.1', port: 0 });
  return { url: relay.url, relay };
}
