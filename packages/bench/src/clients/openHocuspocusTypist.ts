import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CountingWebSocket } from './CountingWebSocket.js';
import type { Typist } from './Typist.js';
import { typistDoc } from './typistDoc.js';

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;

/** A raw Hocuspocus client: the Auth (token) message, then each keystroke as a sync update. */
export function openHocuspocusTypist(url: string, room: string): Typist {
  const ws = new CountingWebSocket(url);
  ws.binaryType = 'arraybuffer';
  ws.on('error', () => {});
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  ws.on('message', (data: ArrayBuffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(d);
    if (decoding.readVarUint(d) === MESSAGE_AUTH) onReady();
  });
  ws.once('open', () => {
    const enc = encoding.createEncoder();
    encoding.writeVarString(enc, room);
    encoding.writeVarUint(enc, MESSAGE_AUTH);
    encoding.writeVarUint(enc, 0); // token
    encoding.writeVarString(enc, '');
    ws.send(encoding.toUint8Array(enc));
  });
  const { doc, typeChar } = typistDoc((u) => {
    const enc = encoding.createEncoder();
    encoding.writeVarString(enc, room);
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    encoding.writeVarUint(enc, 2); // update
    encoding.writeVarUint8Array(enc, u);
    if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(enc));
  });
  return { clientId: doc.clientID, ready, typeChar, errors: () => 0, close: () => ws.close() };
}
