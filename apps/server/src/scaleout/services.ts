import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { Redis } from 'ioredis';

/** Where the scale-out tests find PostgreSQL and Redis (127.0.0.1 only). */
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A schema name / Redis prefix of this run's own, so that concurrent runs never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

async function problems(): Promise<string[]> {
  const found: string[] = [];
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    found.push(`PostgreSQL at ${DATABASE_URL}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await client.end().catch(() => {});
  }
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    found.push(`Redis at ${REDIS_URL}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    redis.disconnect();
  }
  return found;
}

/**
 * True when PostgreSQL and Redis answer. Outside CI, unreachable services skip the scale-out
 * tests with a message saying why; in CI (`CI` set) they must run, so this throws instead.
 */
export async function servicesAvailable(): Promise<boolean> {
  const found = await problems();
  if (found.length === 0) return true;
  const why = `PostgreSQL/Redis unreachable: ${found.join('; ')}`;
  if (process.env.CI) throw new Error(`${why}. CI must run the scale-out tests (.ci/run starts both services).`);
  console.warn(`SKIPPING scale-out tests (${why}). Start the services or set DATABASE_URL / REDIS_URL.`);
  return false;
}

/** Runs SQL on the test database with a short-lived client. */
export async function sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

/** A TCP port that was free a moment ago, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
