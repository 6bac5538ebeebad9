import { resolve } from 'node:path';
import type { LogLevel } from '@trame/relay';

/** Settings of the Trame server, from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path; the SQLite file is `dataDir/trame.sqlite`. */
  dataDir: string;
  /** JSON-lines log file; stdout when absent. */
  logFile?: string;
  logLevel: LogLevel;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * Reads `PORT` (8787), `HOST` (127.0.0.1), `DATA_DIR` (./data, relative to the working
 * directory), `LOG_FILE` (optional) and `LOG_LEVEL` (info). Throws on invalid values so that a
 * typo stops the server at start rather than binding somewhere unexpected.
 */
export function readServerConfig(env: Record<string, string | undefined>, cwd = process.cwd()): ServerConfig {
  const rawPort = env.PORT?.trim() || '8787';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) throw new Error(`PORT must be an integer from 0 to 65535, got "${rawPort}"`);
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}`);
  const logFile = env.LOG_FILE?.trim();
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: resolve(cwd, env.DATA_DIR?.trim() || './data'),
    ...(logFile ? { logFile: resolve(cwd, logFile) } : {}),
    logLevel,
  };
}
