import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameKind, Role } from '@trame/protocol';
import { buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { FlakyStorage } from '../testing/FlakyStorage.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace } from '../testing/spaces.js';
import { TestClient } from '../testing/TestClient.js';
import { startRelay, type RunningRelay } from '../relay/startRelay.js';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage.js';
import { createJsonLogger } from './createJsonLogger.js';

const toClose: Array<{ close(): Promise<void> | void }> = [];
afterEach(async () => {
  for (const c of toClose.splice(0).reverse()) await c.close();
});

// /dev/full answers every write with ENOSPC, like a log file on a full disk.
const FULL = '/dev/full';

describe.skipIf(!existsSync(FULL))('HOSTILE-5 a full disk (R64)', () => {
  it('HOSTILE-5: a log file on a full disk drops lines (counted) and never throws', () => {
    const logger = createJsonLogger({ file: FULL, level: 'debug' });
    for (let i = 0; i < 50; i++) logger.log(i % 2 ? 'error' : 'info', 'x', { i });
    expect(() => logger.close()).not.toThrow();
    expect(logger.droppedLines()).toBeGreaterThanOrEqual(50);
  });

  it('HOSTILE-5: with the log and the store failing to write, the relay keeps serving reads, /health says so, and it recovers', async () => {
    const logger = createJsonLogger({ file: FULL, level: 'debug' });
    const flaky = new FlakyStorage(SqliteStorage.open(':memory:'));
    const running: RunningRelay = await startRelay({ storage: flaky, logger });
    toClose.push(flaky, running, logger);
    const health = async (): Promise<{ status: number; body: { ok: boolean; writes?: { ok: boolean } } }> => {
      const res = await fetch(`${running.httpUrl}/health`);
      return { status: res.status, body: (await res.json()) as { ok: boolean; writes?: { ok: boolean } } };
    };
    const admin = createTestIdentity();
    const s = await createTestSpace(running.url, admin);
    toClose.push(s.control);
    const docId = randomId();
    const [writer] = await TestClient.open(running.url, admin, { spaceId: s.spaceId, docId });
    toClose.push(writer);
    writer.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 1 }));
    await writer.expectAck();
    expect((await health()).status).toBe(200);

    flaky.failOnCommit = true;
    writer.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 2 }));
    await writer.expectError('UNAVAILABLE');
    const failing = await health();
    expect(failing.status).toBe(503);
    expect(failing.body.writes?.ok).toBe(false);
    // Reads still work: a reader opens the document and gets what was acknowledged.
    const [reader, initial] = await TestClient.open(running.url, admin, { spaceId: s.spaceId, docId });
    toClose.push(reader);
    expect(initial.ready.role).toBe(Role.Admin);
    expect(initial.frames.filter((f) => f.kind === FrameKind.Update)).toHaveLength(1);

    flaky.failOnCommit = false;
    writer.send(buildUpdate({ author: admin, spaceId: s.spaceId, docId, clock: 2 }));
    expect((await writer.expectAck()).number).toBe(2);
    expect((await health()).status).toBe(200);
    expect(logger.droppedLines()).toBeGreaterThan(0);
  });
});
