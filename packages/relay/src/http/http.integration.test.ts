import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Role, TRAME_SUBPROTOCOL } from '@trame/protocol';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace } from '../testing/spaces.js';
import { startTestRelay, type TestRelay } from '../testing/startTestRelay.js';
import { TestClient } from '../testing/TestClient.js';
import { startRelay, type RunningRelay } from '../relay/startRelay.js';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage.js';
import { silentLogger } from '../logging/silentLogger.js';
import type { RelayFallback } from './RelayFallback.js';

const toClose: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const c of toClose.splice(0).reverse()) await c.close();
});

async function withFallback(fallback: RelayFallback): Promise<RunningRelay> {
  const storage = SqliteStorage.open(':memory:');
  const running = await startRelay({ storage, logger: silentLogger, fallback });
  toClose.push(storage, running);
  return running;
}

describe('HTTP', () => {
  it('GET /health reports the storage', async () => {
    const r: TestRelay = await startTestRelay();
    toClose.push(r);
    const res = await fetch(`${r.running.httpUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, storage: { ok: true, kind: 'sqlite' } });
    expect((await fetch(`${r.running.httpUrl}/elsewhere`)).status).toBe(404);
  });

  it('serves other paths with a Node fallback handler, while /ws and /health stay the relay', async () => {
    const r = await withFallback((req, res) => {
      res.setHeader('content-type', 'text/plain');
      res.end(`app:${req.method}:${req.url}`);
    });
    const page = await fetch(`${r.httpUrl}/atelier/42?x=1`);
    expect(await page.text()).toBe('app:GET:/atelier/42?x=1');
    const posted = await fetch(`${r.httpUrl}/form`, { method: 'POST', body: 'a=1' });
    expect(await posted.text()).toBe('app:POST:/form');
    expect(((await (await fetch(`${r.httpUrl}/health`)).json()) as { ok: boolean }).ok).toBe(true);
    const admin = createTestIdentity();
    const s = await createTestSpace(r.url, admin);
    const [c, initial] = await TestClient.open(`${r.url}/room`, admin, { spaceId: s.spaceId, docId: randomId() });
    expect(initial.ready.role).toBe(Role.Admin);
    await c.close();
    await s.control.close();
  });

  it('upgrades websockets on /ws and /ws/<room> only', async () => {
    const r: TestRelay = await startTestRelay();
    toClose.push(r);
    const status = (path: string): Promise<number | 'open'> =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`${r.running.httpUrl.replace('http', 'ws')}${path}`, [TRAME_SUBPROTOCOL]);
        ws.once('open', () => {
          ws.close();
          resolve('open');
        });
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('error', reject);
      });
    expect(await status('/ws')).toBe('open');
    expect(await status('/ws/room?x=1')).toBe('open');
    expect(await status('/elsewhere')).toBe(404);
    expect(await status('/wsx')).toBe(404);
    expect((await fetch(`${r.running.httpUrl}/ws`)).status).toBe(404);
  });

  it('serves other paths with a fetch fallback handler', async () => {
    const r = await withFallback({ fetch: (req) => new Response(`fetch:${new URL(req.url).pathname}`) });
    expect(await (await fetch(`${r.httpUrl}/x/y`)).text()).toBe('fetch:/x/y');
    expect((await fetch(`${r.httpUrl}/health`)).status).toBe(200);
  });
});
