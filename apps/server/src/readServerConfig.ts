import { resolve } from 'node:path';
import type { LogLevel } from '@trame/relay';

/** Settings of the Trame server, from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path; the SQLite file is `dataDir/trame.sqlite` (unused with PostgreSQL). */
  dataDir: string;
  /** JSON-lines log file; stdout when absent. */
  logFile?: string;
  logLevel: LogLevel;
  /** PostgreSQL instead of SQLite: `postgres://…`. */
  databaseUrl?: string;
  /** Schema of the relay's tables in PostgreSQL. */
  databaseSchema?: string;
  /** Longest wait on PostgreSQL before answering UNAVAILABLE. */
  databaseTimeoutMs?: number;
  /** Redis fan-out between instances: `redis://…` (needs `databaseUrl`). */
  redisUrl?: string;
  /** Prefix of the relay's Redis channels. */
  redisPrefix?: string;
  /**
   * Header a reverse proxy sets with the client's address (e.g. `x-forwarded-for`), for the
   * relay's per-address limits (R60). Only when every request comes through that proxy.
   */
  trustedProxyHeader?: string;
  /** R16: the hosts clients reach the server by (`PUBLIC_HOST`, comma-separated); AUTH must name one. */
  publicHosts?: string[];
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * Reads `PORT` (8787), `HOST` (127.0.0.1), `DATA_DIR` (./data, relative to the working
 * directory), `LOG_FILE` (optional) and `LOG_LEVEL` (info); for several instances,
 * `DATABASE_URL` (PostgreSQL storage), `DATABASE_SCHEMA` (trame), `DATABASE_TIMEOUT_MS` (5000),
 * `REDIS_URL` (Redis fan-out) and `REDIS_PREFIX` (trame:); `TRUSTED_PROXY_HEADER` (none);
 * `PUBLIC_HOST` (none: each request's Host header; e.g. `trame.example`, comma-separated). Throws on invalid values so that a
 * typo stops the server at start rather than binding somewhere unexpected.
 */
export function readServerConfig(env: Record<string, string | undefined>, cwd = process.cwd()): ServerConfig {
  const rawPort = env.PORT?.trim() || '8787';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535)
    throw new Error(`PORT must be an integer from 0 to 65535, got "${rawPort}"`);
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}`);
  const logFile = env.LOG_FILE?.trim();
  const databaseUrl = env.DATABASE_URL?.trim();
  const redisUrl = env.REDIS_URL?.trim();
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error('DATABASE_URL must be a postgres:// URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error('REDIS_URL must be a redis:// URL');
  // Redis only carries frames between instances that share their storage: without PostgreSQL
  // each instance would have its own SQLite file and clients would see different documents.
  if (redisUrl && !databaseUrl) throw new Error('REDIS_URL needs DATABASE_URL (instances must share PostgreSQL)');
  const schema = env.DATABASE_SCHEMA?.trim();
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error('DATABASE_SCHEMA must be a lower-case SQL identifier');
  const rawTimeout = env.DATABASE_TIMEOUT_MS?.trim();
  if (rawTimeout && !/^\d+$/.test(rawTimeout)) throw new Error('DATABASE_TIMEOUT_MS must be a number of milliseconds');
  const prefix = env.REDIS_PREFIX?.trim();
  const proxyHeader = env.TRUSTED_PROXY_HEADER?.trim().toLowerCase();
  if (proxyHeader && !/^[a-z0-9-]{1,64}$/.test(proxyHeader))
    throw new Error('TRUSTED_PROXY_HEADER must be a header name, e.g. x-forwarded-for');
  const publicHosts = (env.PUBLIC_HOST ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const h of publicHosts)
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(h))
      throw new Error(`PUBLIC_HOST must list host names (host or host:port), got "${h}"`);
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: resolve(cwd, env.DATA_DIR?.trim() || './data'),
    ...(logFile ? { logFile: resolve(cwd, logFile) } : {}),
    logLevel,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(databaseUrl && schema ? { databaseSchema: schema } : {}),
    ...(databaseUrl && rawTimeout ? { databaseTimeoutMs: Number(rawTimeout) } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    ...(redisUrl && prefix ? { redisPrefix: prefix } : {}),
    ...(proxyHeader ? { trustedProxyHeader: proxyHeader } : {}),
    ...(publicHosts.length > 0 ? { publicHosts } : {}),
  };
}
