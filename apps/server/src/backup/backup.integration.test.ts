import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameKind, type UpdateFrame } from '@trame/protocol';
import { newDocId } from '@trame/sync';
import { createSpace, person, rogue } from '../e2e/harness.js';
import { RawClient, rawUpdate } from '../scaleout/rawFrames.js';
import { startServer, type RunningServer } from '../startServer.js';
import { silentLogger } from '@trame/relay';
import { backupSqlite } from './backupSqlite.js';

const dirs: string[] = [];
const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'trame-backup-'));
  dirs.push(d);
  return d;
}

async function serve(dataDir: string): Promise<RunningServer> {
  const server = await startServer({ port: 0, dataDir, logger: silentLogger });
  closers.push(() => server.close());
  return server;
}

describe('npm run backup', () => {
  it('backs up a live store while clients write; a relay on the restored copy serves every update acknowledged before it', async () => {
    const live = tempDir();
    const server = await serve(live);
    const alice = person('Alice');
    const space = await createSpace(server.url, alice);
    closers.push(() => space.close());
    const docIds = [newDocId(), newDocId(), newDocId()];
    const writers = docIds.map((docId) => new RawClient(server.url, alice.identity, space.spaceId, docId));
    for (const w of writers) closers.push(() => w.close());
    await Promise.all(writers.map((w) => w.ready()));

    // Three writers keep writing (each waits for its ACK) until told to stop; the first one's
    // frames (40 KiB) are kept in the frames file (ADR 0009), which the backup must copy in.
    const acked = docIds.map(() => 0);
    let stop = false;
    const writing = writers.map(async (w, i) => {
      for (let clock = 1; !stop; clock++) {
        const ciphertext = i === 0 ? randomBytes(40 * 1024) : undefined;
        w.send(rawUpdate(alice.identity, space.spaceId, docIds[i]!, clock, undefined, ciphertext));
        const answer = await w.answer();
        if (answer.kind !== FrameKind.Ack) throw new Error('write refused');
        acked[i] = clock;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ackedBefore = [...acked];
    const backupFile = join(tempDir(), 'copy.sqlite');
    const report = await backupSqlite(join(live, 'trame.sqlite'), backupFile);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop = true;
    await Promise.all(writing);
    expect(report.bytes).toBeGreaterThan(0);
    // One self-contained file: the large frames are in its rows, none is referenced elsewhere.
    const copy = new Database(backupFile, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM updates WHERE frame_ref IS NOT NULL').pluck().get()).toBe(0);
    expect(copy.prepare('SELECT count(*) FROM updates WHERE length(frame) > 40960').pluck().get()).toBeGreaterThan(0);
    copy.close();
    expect(ackedBefore.every((n) => n > 0)).toBe(true);
    // Writing went on during and after the backup.
    for (let i = 0; i < acked.length; i++) expect(acked[i]).toBeGreaterThan(ackedBefore[i]!);

    // Restore: the copy becomes the data directory of a new server; a fresh reader per document.
    const restored = tempDir();
    execFileSync('cp', [backupFile, join(restored, 'trame.sqlite')]);
    const again = await serve(restored);
    for (let i = 0; i < docIds.length; i++) {
      const reader = rogue(again.url, alice.identity, space.spaceId, docIds[i]!);
      closers.push(() => reader.conn.close());
      await reader.ready;
      const upToReady = reader.frames.slice(
        0,
        reader.frames.findIndex((f) => f.kind === FrameKind.Ready),
      );
      const clocks = upToReady.filter((f): f is UpdateFrame => f.kind === FrameKind.Update).map((f) => f.clock);
      // Every update acknowledged before the backup, and a contiguous prefix: one commit's state.
      expect(clocks.length).toBeGreaterThanOrEqual(ackedBefore[i]!);
      expect(clocks).toEqual(clocks.map((_, k) => k + 1));
    }
  });

  it('the npm script writes a backup of DATA_DIR', async () => {
    const live = tempDir();
    const server = await serve(live);
    const alice = person('Alice');
    const space = await createSpace(server.url, alice);
    closers.push(() => space.close());
    const out = join(tempDir(), 'b.sqlite');
    const script = fileURLToPath(new URL('../../dist/backup.js', import.meta.url));
    const printed = execFileSync(process.execPath, [script, out], {
      env: { ...process.env, DATA_DIR: live },
    }).toString();
    expect(printed).toMatch(/backup written/);
    expect(existsSync(out)).toBe(true);
  });
});
