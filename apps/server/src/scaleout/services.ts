import { createServer } from 'node:net';
import pg from 'pg';
import { DATABASE_URL } from '@trame/relay/testkit';

export {
  DATABASE_URL,
  REDIS_URL,
  uniqueTestName as uniqueName,
  scaleoutServicesAvailable as servicesAvailable,
  dropTestSchema as dropSchema,
} from '@trame/relay/testkit';

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

/** A TCP port that was free a moment ago, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
