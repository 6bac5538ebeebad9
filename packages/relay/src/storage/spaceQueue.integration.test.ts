import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFrame, MembershipAction, Role, type MembershipFrame, type UpdateFrame } from '@trame/protocol';
import { acceptUpdate } from '../documents/acceptUpdate.js';
import { acceptMembership } from '../space/acceptMembership.js';
import { buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { MembershipLog } from '../testing/MembershipLog.js';
import { randomId } from '../testing/randomId.js';
import {
  DATABASE_URL,
  dropTestSchema,
  scaleoutServicesAvailable,
  uniqueTestName,
} from '../testing/scaleoutServices.js';
import { PostgresStorage } from './postgres/PostgresStorage.js';
import type { RelayStorage } from './RelayStorage.js';
import { SqliteStorage } from './sqlite/SqliteStorage.js';

const available = await scaleoutServicesAvailable();
const dirs: string[] = [];
const schemas: string[] = [];
afterAll(async () => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  for (const s of schemas.splice(0)) await dropTestSchema(s);
});

const admin = createTestIdentity();
const editor = createTestIdentity();

async function space(storage: RelayStorage): Promise<Uint8Array> {
  const log = new MembershipLog(randomId());
  for (const make of [
    () => log.genesis(admin),
    () => log.next(admin, MembershipAction.Add, editor.publicKey, Role.Editor),
  ]) {
    const entry = make();
    await storage.withSpace(log.spaceId, (tx) =>
      acceptMembership(tx, decodeFrame(entry) as MembershipFrame, {
        spaceId: log.spaceId,
        nowSeconds: 0,
        create: false,
      }),
    );
    log.accepted(entry);
  }
  return log.spaceId;
}

/** One update on a fresh document of the space; `during` runs inside the transaction. */
function writeOne(storage: RelayStorage, spaceId: Uint8Array, during: () => Promise<void>): Promise<void> {
  const docId = randomId();
  const frame = decodeFrame(buildUpdate({ author: editor, spaceId, docId, clock: 1 })) as UpdateFrame;
  return storage.withDocument(spaceId, docId, async (tx) => {
    await during();
    await acceptUpdate(tx, frame);
  });
}

describe('HOSTILE-3 per-space storage queue (R66)', () => {
  it('HOSTILE-3: on SQLite, a space with 40 transactions queued delays another space by one of them, not by its backlog', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trame-spacequeue-'));
    dirs.push(dir);
    const storage = SqliteStorage.open(join(dir, 'trame.sqlite'));
    try {
      const busy = await space(storage);
      const quiet = await space(storage);
      const order: string[] = [];
      const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
      const flood = Array.from({ length: 40 }, (_, i) =>
        writeOne(storage, busy, async () => {
          await tick();
          order.push(`busy${i}`);
        }),
      );
      const other = writeOne(storage, quiet, async () => {
        order.push('quiet');
      });
      await Promise.all([...flood, other]);
      expect(order).toHaveLength(41);
      expect(order.indexOf('quiet')).toBeLessThanOrEqual(2);
    } finally {
      await storage.close();
    }
  });

  it.skipIf(!available)(
    'HOSTILE-3: on PostgreSQL, a space whose transactions hang holds at most its share of the pool; another space still commits',
    async () => {
      const schema = uniqueTestName('trame_spacequeue');
      schemas.push(schema);
      const storage = await PostgresStorage.open({
        url: DATABASE_URL,
        schema,
        timeoutMs: 10_000,
        maxConnections: 4,
        maxConnectionsPerSpace: 2,
      });
      try {
        const busy = await space(storage);
        const quiet = await space(storage);
        let open!: () => void;
        const gate = new Promise<void>((r) => (open = r));
        let inside = 0;
        const flood = Array.from({ length: 8 }, () =>
          writeOne(storage, busy, async () => {
            inside += 1;
            await gate;
          }),
        );
        // Without the per-space bound the eight would hold all four connections until the gate opens.
        await writeOne(storage, quiet, async () => {});
        expect(inside).toBe(2);
        open();
        await Promise.all(flood);
        expect(inside).toBe(8);
      } finally {
        await storage.close();
      }
    },
    60_000,
  );
});
