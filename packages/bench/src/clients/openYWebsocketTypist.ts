import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { CountingWebSocket } from './CountingWebSocket.js';
import type { Typist } from './Typist.js';
import { typistDoc } from './typistDoc.js';

/** A raw y-websocket client that sends each keystroke as a sync update message. */
export function openYWebsocketTypist(url: string, room: string): Typist {
  const ws = new CountingWebSocket(`${url}/${room}`);
  ws.binaryType = 'arraybuffer';
  ws.on('message', () => {});
  ws.on('error', () => {});
  const ready = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const { doc, typeChar } = typistDoc((u) => {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 0); // messageSync
    encoding.writeVarUint(enc, 2); // update
    encoding.writeVarUint8Array(enc, u);
    if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(enc));
  });
  return { clientId: doc.clientID, ready, typeChar, errors: () => 0, close: () => ws.close() };
}
