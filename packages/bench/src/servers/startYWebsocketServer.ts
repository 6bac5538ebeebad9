import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { setPersistence, setupWSConnection } from '@y/websocket-server/utils';
import type { PeerStore } from './openPeerStore.js';

/**
 * The y-websocket reference server (`@y/websocket-server`'s `setupWSConnection`, as its own
 * `server.js` wires it), with a persistence that behaves like its y-leveldb one: the stored
 * updates are applied when a document is first opened, and every update is appended.
 */
export async function startYWebsocketServer(store: PeerStore): Promise<{ url: string; server: Server }> {
  setPersistence({
    provider: store,
    bindState: async (name: string, ydoc: Y.Doc) => {
      // Synchronous store: the state is in the doc before the first sync step is answered.
      const updates = store.load(name);
      Y.transact(ydoc, () => {
        for (const u of updates) Y.applyUpdate(ydoc, u);
      });
      ydoc.on('update', (u: Uint8Array) => store.append(name, u));
    },
    writeState: async () => {},
  });
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (conn, req) => setupWSConnection(conn, req));
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('okay');
  });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}`, server };
}
