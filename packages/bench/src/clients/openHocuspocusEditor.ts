import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { CountingWebSocket } from './CountingWebSocket.js';
import type { Editor } from './Editor.js';

/** A Hocuspocus client: `HocuspocusProvider` 3 with its own socket, on `ws`. */
export function openHocuspocusEditor(url: string, room: string): Editor {
  const doc = new Y.Doc();
  // One socket per provider, as a page that opens one document does.
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc });
  provider.attach();
  return {
    doc,
    isSynced: () => provider.isSynced,
    whenSynced: () =>
      provider.isSynced
        ? Promise.resolve()
        : new Promise((resolve) => {
            const on = (): void => {
              provider.off('synced', on);
              resolve();
            };
            provider.on('synced', on);
          }),
    disconnect: () => socket.disconnect(),
    connect: () => void socket.connect(),
    destroy: () => {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
