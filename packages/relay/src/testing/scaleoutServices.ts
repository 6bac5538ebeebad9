import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';

/** Where the scale-out tests find PostgreSQL and Redis (127.0.0.1 by default). */
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A schema name / key prefix of its own, so that concurrent runs never collide. */
export function uniqueTestName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

async function probe(): Promise<string[]> {
  const problems: string[] = [];
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    problems.push(`PostgreSQL at ${DATABASE_URL}: ${e instanceof Error ? e.message : String(e)}`);
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
    problems.push(`Redis at ${REDIS_URL}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    redis.disconnect();
  }
  return problems;
}

/**
 * True when PostgreSQL and Redis answer. Outside CI, unreachable services skip the scale-out
 * tests with a message saying why; in CI (`CI` set) they must run, so this throws instead.
 */
export async function scaleoutServicesAvailable(): Promise<boolean> {
  const problems = await probe();
  if (problems.length === 0) return true;
  const why = `PostgreSQL/Redis unreachable: ${problems.join('; ')}`;
  if (process.env.CI) throw new Error(`${why}. CI must run the scale-out tests (.ci/run starts both services).`);
  console.warn(`SKIPPING scale-out tests (${why}). Start the services or set DATABASE_URL / REDIS_URL.`);
  return false;
}

/** Drops a test schema and everything in it. */
export async function dropTestSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
