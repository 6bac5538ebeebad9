import { join } from 'node:path';
import { countSentMessages } from './countSentMessages.js';
import { openPeerStore } from './openPeerStore.js';
import type { FromServer, ServerStats, ToServer } from './ServerMessages.js';
import type { ServerKind } from './ServerKind.js';
import { startHocuspocusServer } from './startHocuspocusServer.js';
import { startTrameServer } from './startTrameServer.js';
import { startYWebsocketServer } from './startYWebsocketServer.js';

/**
 * Entry point of a server process: `node serverMain.js <kind> <dataDir>`. It runs one server
 * alone, so that `process.cpuUsage()` and `process.memoryUsage()` are the server's and
 * nothing else's, and answers the parent's IPC requests for them.
 */
async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind;
  const dataDir = process.argv[3]!;
  const messagesSent = countSentMessages();
  const send = (m: FromServer): void => void process.send!(m);
  let stop: () => Promise<void>;
  let url: string;
  if (kind === 'trame') {
    const s = await startTrameServer(dataDir);
    url = s.url;
    stop = () => s.relay.close();
  } else {
    const store = openPeerStore(join(dataDir, 'peer.sqlite'));
    if (kind === 'y-websocket') {
      const s = await startYWebsocketServer(store);
      url = s.url;
      stop = async () => {
        s.server.closeAllConnections();
        s.server.close();
      };
    } else {
      const s = await startHocuspocusServer(store);
      url = s.url;
      stop = () => s.server.destroy();
    }
  }
  process.on('message', (m: ToServer) => {
    if (m.t === 'stats') {
      if (m.gc) {
        // Twice: the first pass finalizes what the second frees.
        globalThis.gc?.();
        globalThis.gc?.();
      }
      const cpu = process.cpuUsage();
      const mem = process.memoryUsage();
      const stats: ServerStats = {
        cpuMs: (cpu.user + cpu.system) / 1000,
        rss: mem.rss,
        heapUsed: mem.heapUsed,
        heapTotal: mem.heapTotal,
        external: mem.external,
        arrayBuffers: mem.arrayBuffers,
        messagesSent: messagesSent(),
      };
      send({ t: 'stats', id: m.id, stats });
    } else if (m.t === 'stop') {
      void stop()
        .catch(() => {})
        .then(() => {
          send({ t: 'stopped', id: m.id });
          // Let the IPC message leave before exiting (a --cpu-prof profile is written on exit).
          setTimeout(() => process.exit(0), 50);
        });
    }
  });
  send({ t: 'ready', url });
}

main().catch((e: unknown) => {
  console.error('server process failed', e);
  process.exit(1);
});
