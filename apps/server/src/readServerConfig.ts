import { resolve } from 'node:path';
import type { LogLevel, RelayLimits, SpaceCreationPolicy } from '@trame/relay';

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
  /** R68: who may create spaces (`SPACE_CREATION`, `SPACE_CREATION_TOKEN`); open when absent. */
  spaceCreation?: SpaceCreationPolicy;
  /** Limits set from the environment (R67: `SPACE_QUOTA_MIB`). */
  limits?: Partial<RelayLimits>;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * Reads `PORT` (8787), `HOST` (127.0.0.1), `DATA_DIR` (./data, relative to the working
 * directory), `LOG_FILE` (optional) and `LOG_LEVEL` (info); for several instances,
 * `DATABASE_URL` (PostgreSQL storage), `DATABASE_SCHEMA` (trame), `DATABASE_TIMEOUT_MS` (5000),
 * `REDIS_URL` (Redis fan-out) and `REDIS_PREFIX` (trame:); `TRUSTED_PROXY_HEADER` (none);
 * `PUBLIC_HOST` (none: each request's Host header; e.g. `trame.example`, comma-separated);
 * `SPACE_CREATION` (`open`, `members` or `token`, R68) with `SPACE_CREATION_TOKEN` (at least 16
 * characters of A-Z a-z 0-9 _ -) for `token`; `SPACE_QUOTA_MIB` (1024; 0: none, R67). Throws on invalid values so that a
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
  const creation = env.SPACE_CREATION?.trim() || 'open';
  const token = env.SPACE_CREATION_TOKEN?.trim();
  let spaceCreation: SpaceCreationPolicy | null = null;
  if (creation === 'members') spaceCreation = { mode: 'members' };
  else if (creation === 'token') {
    // Carried in a websocket subprotocol: token characters only.
    if (!token || !/^[A-Za-z0-9_-]{16,256}$/.test(token))
      throw new Error('SPACE_CREATION=token needs SPACE_CREATION_TOKEN: 16 to 256 characters of A-Z a-z 0-9 _ -');
    spaceCreation = { mode: 'token', token };
  } else if (creation !== 'open') throw new Error('SPACE_CREATION must be open, members or token');
  const rawQuota = env.SPACE_QUOTA_MIB?.trim();
  if (rawQuota && !/^\d+$/.test(rawQuota)) throw new Error('SPACE_QUOTA_MIB must be a whole number of MiB (0: none)');
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
    ...(spaceCreation ? { spaceCreation } : {}),
    ...(rawQuota ? { limits: { maxStoredBytesPerSpace: Number(rawQuota) * 1024 * 1024 } } : {}),
  };
}
