import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { silentLogger } from '@trame/relay';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../startServer.js';

let server: RunningServer | null = null;
let dir = '';
afterEach(async () => {
  await server?.close();
  server = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('HOSTILE-6 clients that do not speak Trame (R9)', () => {
  it('HOSTILE-6: a stock y-websocket provider is refused at upgrade: it never connects, and the relay opens no socket', async () => {
    dir = mkdtempSync(join(tmpdir(), 'trame-stock-'));
    server = await startServer({ port: 0, dataDir: dir, logger: silentLogger });
    const doc = new Y.Doc();
    const statuses: string[] = [];
    const errors: unknown[] = [];
    const provider = new WebsocketProvider(server.url, 'room', doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      maxBackoffTime: 200,
    });
    provider.on('status', (e: { status: string }) => statuses.push(e.status));
    provider.on('connection-error', (e: unknown) => errors.push(e));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(statuses).not.toContain('connected');
      expect(provider.wsconnected).toBe(false);
      expect(errors.length).toBeGreaterThan(0);
      expect(server.relay.relay.connectionCount()).toBe(0);
    } finally {
      provider.destroy();
    }
  });
});
