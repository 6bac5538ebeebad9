import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { Role, SpaceSession, newDocId, type DocumentSession } from '@trame/sync';
import { startServer, type RunningServer } from '../startServer.js';
import { createSpace, openDoc, openSpace, person, text, waitFor, WS } from '../e2e/harness.js';
import { startCluster, type Cluster } from './cluster.js';
import { DATABASE_URL, dropSchema, servicesAvailable, uniqueName } from './services.js';

const available = await servicesAvailable();
const MIGRATE_JS = fileURLToPath(new URL('../../dist/migrate.js', import.meta.url));

let cluster: Cluster | null = null;
let server: RunningServer | null = null;
const dirs: string[] = [];
const schemas: string[] = [];
const closers: Array<() => void> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) c();
  await server?.close();
  server = null;
  await cluster?.cleanup();
  cluster = null;
  for (const s of schemas.splice(0)) await dropSchema(s);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function migrate(dataDir: string, schema: string) {
  const r = spawnSync(process.execPath, [MIGRATE_JS, '--from', dataDir, '--to', DATABASE_URL, '--schema', schema], {
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** R67: each space's log bytes and each document's stored bytes, by hex id. */
function storedBytesOnSqlite(dataDir: string): Record<string, number> {
  const db = new Database(join(dataDir, 'trame.sqlite'), { readonly: true });
  try {
    return countersOf(
      db.prepare('SELECT space_id, log_bytes FROM spaces').all() as Array<Record<string, unknown>>,
      db.prepare('SELECT doc_id, stored_bytes FROM documents').all() as Array<Record<string, unknown>>,
    );
  } finally {
    db.close();
  }
}

async function storedBytesOnPostgres(schema: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const spaces = await client.query(`SELECT space_id, log_bytes FROM "${schema}".spaces`);
    const docs = await client.query(`SELECT doc_id, stored_bytes FROM "${schema}".documents`);
    return countersOf(spaces.rows, docs.rows);
  } finally {
    await client.end();
  }
}

function countersOf(
  spaces: Array<Record<string, unknown>>,
  docs: Array<Record<string, unknown>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of spaces) out[`space ${Buffer.from(r.space_id as Uint8Array).toString('hex')}`] = Number(r.log_bytes);
  for (const r of docs) out[`doc ${Buffer.from(r.doc_id as Uint8Array).toString('hex')}`] = Number(r.stored_bytes);
  return out;
}

describe.skipIf(!available)('SQLite → PostgreSQL migration (issue 4, test 5)', () => {
  it('copies and verifies every space, entry, snapshot and update; members read every document on the new cluster', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'trame-migrate-'));
    dirs.push(dataDir);
    server = await startServer({ dataDir, port: 0, logFile: join(dataDir, 'relay.log') });
    const alice = person('Alice');
    const bob = person('Bob');
    const carol = person('Carol');
    const dave = person('Dave');
    const eve = person('Eve');
    const spaceA = await createSpace(server.url, alice);
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    await spaceA.addMember(carol.identity.publicKey, Role.Viewer);
    await spaceA.addMember(dave.identity.publicKey, Role.Editor);
    await spaceA.removeMember(dave.identity.publicKey);
    const invite = await spaceA.createInvite({ role: Role.Editor }); // still pending when migrated
    const spaceB = await openSpace(server.url, bob, spaceA.spaceId);
    const notes = newDocId();
    const minutes = newDocId();
    const compaction = { compaction: { afterUpdates: 10, afterBytes: 1 << 20 } };
    const a1 = openDoc(spaceA, alice, notes, compaction);
    const b1 = openDoc(spaceB, bob, notes, compaction);
    const b2 = openDoc(spaceB, bob, minutes);
    await Promise.all([a1, b1, b2].map((s) => s.whenSynced()));
    for (let i = 0; i < 40; i++) {
      const s = i % 2 ? b1 : a1;
      s.doc.getText('t').insert(s.doc.getText('t').length, `[${i}]`);
      await s.whenSaved();
    }
    b2.doc.getText('t').insert(0, 'compte rendu: deux');
    // A 48 KB paste: its frame is kept in the frames file (ADR 0009), and must be copied too.
    b2.doc.getText('t').insert(0, 'annexe '.repeat(7000));
    await waitFor(
      () => text(a1) === text(b1) && [a1, b1, b2].every((s) => s.status === 'saved'),
      'saved before migrating',
    );
    const expected = { notes: text(a1), minutes: text(b2) };
    const lite = new Database(join(dataDir, 'trame.sqlite'), { readonly: true });
    expect(lite.prepare('SELECT count(*) FROM updates WHERE frame_ref IS NOT NULL').pluck().get()).toBe(1);
    lite.close();
    for (const s of [a1, b1, b2]) s.destroy();
    spaceA.close();
    spaceB.close();
    await server.close();
    server = null;

    const schema = uniqueName('trame_migrated');
    schemas.push(schema);
    const run = migrate(dataDir, schema);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number | string | boolean>;
    expect(report).toMatchObject({ ok: true, spaces: 1, documents: 2, members: 3, invites: 1, membershipEntries: 6 });
    expect(report.snapshots).toBeGreaterThanOrEqual(1);
    expect(report.updates).toBeGreaterThanOrEqual(1);
    expect(report.framesDigest).toMatch(/^[0-9a-f]{64}$/);
    // R67: the stored-bytes counters are the same on both sides.
    expect(await storedBytesOnPostgres(schema)).toEqual(storedBytesOnSqlite(dataDir));
    // Never twice into the same schema.
    const again = migrate(dataDir, schema);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds spaces/);

    cluster = await startCluster(2, { schema });
    const [a, b] = cluster.relays;
    const sessions: DocumentSession[] = [];
    const read = async (url: string, who: typeof alice, docId: Uint8Array): Promise<string> => {
      const space = await openSpace(url, who, spaceA.spaceId);
      closers.push(() => space.close());
      // The same head stores as before the move: a migration that lost a frame is a rollback (R42).
      const s = openDoc(space, who, docId);
      sessions.push(s);
      closers.push(() => s.destroy());
      await s.whenSynced();
      return text(s);
    };
    expect(await read(a!.url, alice, notes)).toBe(expected.notes);
    expect(await read(b!.url, bob, notes)).toBe(expected.notes);
    expect(await read(b!.url, bob, minutes)).toBe(expected.minutes);
    expect(await read(a!.url, carol, notes)).toBe(expected.notes);
    expect(await read(b!.url, carol, minutes)).toBe(expected.minutes);
    // The removed member stays out; the pending invite still works.
    await expect(openSpace(a!.url, dave, spaceA.spaceId)).rejects.toThrow();
    const eveSpace = await SpaceSession.acceptInvite({
      relayUrl: b!.url,
      identity: eve.identity,
      invite,
      WebSocketImpl: WS,
    });
    closers.push(() => eveSpace.close());
    const eveNotes = openDoc(eveSpace, eve, notes);
    closers.push(() => eveNotes.destroy());
    await eveNotes.whenSynced();
    expect(text(eveNotes)).toBe(expected.notes);
    // History goes on where it stopped (clocks and commit numbers continue).
    const bobNotes = sessions[1]!;
    bobNotes.doc.getText('t').insert(0, '[après]');
    await waitFor(
      () => text(sessions[0]!) === `[après]${expected.notes}` && text(eveNotes) === text(sessions[0]!),
      'edits after the move',
    );
  });
});
