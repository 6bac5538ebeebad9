import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { PeerStore } from './openPeerStore.js';

/**
 * Hocuspocus 3 with a persistence extension shaped like `@hocuspocus/extension-database`:
 * `onLoadDocument` applies what is stored, `onStoreDocument` (debounced by Hocuspocus, 2 s /
 * 10 s max by default) replaces it with the encoded state.
 */
export async function startHocuspocusServer(store: PeerStore): Promise<{ url: string; server: Server }> {
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    extensions: [
      {
        async onLoadDocument({ document, documentName }: { document: Y.Doc; documentName: string }) {
          const updates = store.load(documentName);
          Y.transact(document, () => {
            for (const u of updates) Y.applyUpdate(document, u);
          });
        },
        async onStoreDocument({ document, documentName }: { document: Y.Doc; documentName: string }) {
          store.replace(documentName, Y.encodeStateAsUpdate(document));
        },
      },
    ],
  });
  await server.listen();
  return { url: `ws://127.0.0.1:${server.address.port}`, server };
}
