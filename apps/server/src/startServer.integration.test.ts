import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeFrame, encodeHello, FrameKind, TRAME_SUBPROTOCOL, ZERO_ID, type Frame } from '@trame/protocol';
import { startServer, type RunningServer } from './startServer.js';

let server: RunningServer | null = null;
let dir: string | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('startServer', () => {
  it('serves the relay, /health and a plugged-in web handler on one port, with SQLite and a log file in place', async () => {
    dir = mkdtempSync(join(tmpdir(), 'trame-server-'));
    const dataDir = join(dir, 'nested', 'data');
    const logFile = join(dir, 'relay.log');
    server = await startServer({
      port: 0,
      dataDir,
      logFile,
      fallback: (req, res) => {
        res.setHeader('content-type', 'text/html');
        res.end(`<h1>web app at ${req.url}</h1>`);
      },
    });
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}/ws`);
    expect(existsSync(join(dataDir, 'trame.sqlite'))).toBe(true);

    const health = await fetch(`${server.httpUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, storage: { kind: 'sqlite' } });
    expect(await (await fetch(`${server.httpUrl}/atelier`)).text()).toBe('<h1>web app at /atelier</h1>');
    const metrics = await fetch(`${server.httpUrl}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('trame_connections{phase="open"}');

    const ws = new WebSocket(`${server.url}/room`, [TRAME_SUBPROTOCOL]);
    const first = new Promise<Frame>((resolve, reject) => {
      ws.once('message', (data: Buffer) => resolve(decodeFrame(new Uint8Array(data))));
      ws.once('error', reject);
    });
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(
      encodeHello({
        create: false,
        spaceId: new Uint8Array(16).fill(1),
        docId: ZERO_ID,
        identity: new Uint8Array(32).fill(2),
        knownMembershipSeq: -1,
        knownSnapshotId: ZERO_ID,
      }),
    );
    expect((await first).kind).toBe(FrameKind.Challenge);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await server.close();
    expect(await closed).toBe(4599);
    const events = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { event: string }).event);
    expect(events).toContain('relay.listening');
    expect(events).toContain('connection.closing');
    expect(events.at(-1)).toBe('relay.closed');
  });
});
