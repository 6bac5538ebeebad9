import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CountingWebSocket } from './CountingWebSocket.js';
import type { Editor } from './Editor.js';

/** A y-websocket client: `WebsocketProvider` 3 on `ws`, without BroadcastChannel. */
export function openYWebsocketEditor(url: string, room: string): Editor {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 5000,
  });
  return {
    doc,
    isSynced: () => provider.synced,
    whenSynced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise((resolve) => {
            const on = (s: boolean): void => {
              if (!s) return;
              provider.off('sync', on);
              resolve();
            };
            provider.on('sync', on);
          }),
    disconnect: () => provider.disconnect(),
    connect: () => provider.connect(),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
