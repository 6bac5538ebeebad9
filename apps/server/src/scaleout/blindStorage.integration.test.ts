import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Role, newDocId } from '@trame/sync';
import { createSpace, openDoc, openSpace, person, text, waitFor } from '../e2e/harness.js';
import { startCluster, type Cluster } from './cluster.js';
import { REDIS_URL, servicesAvailable, sql } from './services.js';

const available = await servicesAvailable();

let cluster: Cluster | null = null;
let monitor: Redis | null = null;
const closers: Array<() => void> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) c();
  monitor?.disconnect();
  monitor = null;
  await cluster?.cleanup();
  cluster = null;
});

// Planted plaintext: document text, a title, a display name.
const CANARY_TEXT = 'canari-texte-3c9e Assemblée générale jeudi à la Bourse du travail';
const CANARY_TITLE = 'canari-titre-5a21 Caisse de grève et soutien juridique';
const CANARY_NAME = 'canari-nom-Joséphine Martin';

/** Every value of every row of every table of the schema, as bytes. */
async function postgresContents(schema: string): Promise<Buffer> {
  const tables = await sql<{ table_name: string }>(
    'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
    [schema],
  );
  const parts: Buffer[] = [];
  for (const { table_name: name } of tables) {
    for (const row of await sql(`SELECT * FROM "${schema}"."${name}"`)) {
      for (const v of Object.values(row)) parts.push(Buffer.isBuffer(v) ? v : Buffer.from(String(v)));
    }
  }
  return Buffer.concat(parts);
}

describe.skipIf(!available)('PostgreSQL and Redis learn nothing (issue 4, test 6)', () => {
  it('hold none of the planted text, title or display name', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.relays;
    // Everything that crosses Redis for this cluster is captured, not only what stays there.
    monitor = new Redis(REDIS_URL);
    const crossed: Buffer[] = [];
    monitor.on('pmessageBuffer', (_pattern: Buffer, _channel: Buffer, message: Buffer) => crossed.push(message));
    await monitor.psubscribe(`${cluster.prefix}*`);

    const alice = person(CANARY_NAME);
    const bob = person('Bob');
    const spaceA = await createSpace(a!.url, alice);
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(b!.url, bob, spaceA.spaceId);
    closers.push(() => spaceB.close());
    const docId = newDocId();
    const da = openDoc(spaceA, alice, docId, { compaction: { afterUpdates: 5, afterBytes: 1 << 20 } });
    const db = openDoc(spaceB, bob, docId);
    closers.push(
      () => da.destroy(),
      () => db.destroy(),
    );
    await Promise.all([da.whenSynced(), db.whenSynced()]);
    da.doc.getMap('meta').set('title', CANARY_TITLE);
    for (const word of CANARY_TEXT.split(' ')) {
      da.doc.getText('t').insert(da.doc.getText('t').length, `${word} `);
      await da.whenSaved();
    }
    da.awareness.setLocalStateField('cursor', { anchor: 3 });
    await waitFor(
      () => text(db).includes('travail') && db.doc.getMap('meta').get('title') === CANARY_TITLE,
      'Bob (B) reads it',
    );
    await waitFor(
      () =>
        [...db.awareness.getStates().values()].some(
          (st) => (st as { user?: { name?: string } }).user?.name === CANARY_NAME,
        ),
      'Bob (B) sees Alice’s name through Redis',
    );
    await Promise.all([da.whenSaved(), db.whenSaved()]);

    const stored = await postgresContents(cluster.schema);
    const scanner = new Redis(REDIS_URL);
    closers.push(() => scanner.disconnect());
    const keys: string[] = [];
    for (let cursor = '0'; ;) {
      const [next, batch] = await scanner.scan(cursor, 'MATCH', `${cluster.prefix}*`, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
      if (cursor === '0') break;
    }
    const crossedRedis = Buffer.concat(crossed);
    const logs = Buffer.from(a!.log() + b!.log());
    // The scans are meaningful: PostgreSQL holds this document's frames, updates and awareness
    // crossed Redis, and the logs name the document.
    const docBytes = Buffer.from(docId);
    expect(stored.indexOf(docBytes)).toBeGreaterThan(-1);
    expect(crossed.length).toBeGreaterThan(10);
    expect(crossedRedis.indexOf(docBytes)).toBeGreaterThan(-1);
    expect(keys).toEqual([]); // pub/sub: Redis keeps nothing at all
    expect(logs.toString()).toContain(Buffer.from(docId).toString('hex'));
    for (const canary of [CANARY_TEXT, CANARY_TITLE, CANARY_NAME]) {
      for (const probe of [canary, canary.slice(0, 17), canary.split(' ').slice(1, 3).join(' ')]) {
        for (const [where, bytes] of [
          ['PostgreSQL', stored],
          ['Redis messages', crossedRedis],
          ['relay logs', logs],
        ] as const) {
          expect(bytes.indexOf(Buffer.from(probe, 'utf8')), `${probe} in ${where}`).toBe(-1);
          expect(bytes.indexOf(Buffer.from(probe, 'utf16le')), `${probe} (UTF-16) in ${where}`).toBe(-1);
        }
      }
    }
  });
});
