import { ready } from '@trame/sync';
import { RelayProcess, type RelayProcessOptions } from './RelayProcess.js';
import { DATABASE_URL, dropSchema, REDIS_URL, uniqueName } from './services.js';

/** Relay processes sharing one PostgreSQL schema and one Redis prefix of their own. */
export interface Cluster {
  schema: string;
  prefix: string;
  relays: RelayProcess[];
  /** Stops every process still running and drops the schema. */
  cleanup(): Promise<void>;
}

/** Starts `n` relay processes on one schema and one Redis prefix (both fresh unless given). */
export async function startCluster(
  n: number,
  o: Partial<
    Pick<RelayProcessOptions, 'databaseUrl' | 'redisUrl' | 'databaseTimeoutMs' | 'schema' | 'redisPrefix' | 'env'>
  > = {},
): Promise<Cluster> {
  await ready();
  const schema = o.schema ?? uniqueName('trame_scaleout');
  const prefix = o.redisPrefix ?? `${schema}:`;
  const relays: RelayProcess[] = [];
  const cluster: Cluster = {
    schema,
    prefix,
    relays,
    async cleanup() {
      await Promise.all(relays.map((r) => r.stop()));
      await dropSchema(schema);
    },
  };
  try {
    // One after the other: the first one creates the schema (the others would wait on its lock anyway).
    for (let i = 0; i < n; i++) {
      const relay = new RelayProcess({
        databaseUrl: o.databaseUrl ?? DATABASE_URL,
        redisUrl: o.redisUrl ?? REDIS_URL,
        schema,
        redisPrefix: prefix,
        ...(o.databaseTimeoutMs ? { databaseTimeoutMs: o.databaseTimeoutMs } : {}),
        ...(o.env ? { env: o.env } : {}),
      });
      relays.push(relay);
      await relay.start();
    }
  } catch (e) {
    await cluster.cleanup();
    throw e;
  }
  return cluster;
}
