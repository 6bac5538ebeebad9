import type { WebSocket } from 'ws';

/**
 * R60: changes the largest message `ws` accepts on one socket. `ws` takes a single
 * `maxPayload` per server and checks it in its receiver against the length each frame header
 * announces (fragments included), before buffering the payload; the receiver keeps it in
 * `_maxPayload`. Without that field (another `ws` version) this throws rather than leave a
 * socket with a limit other than the one meant.
 */
export function setMaxPayload(ws: WebSocket, bytes: number): void {
  if (ws.readyState !== ws.OPEN) return;
  const receiver = (ws as unknown as { _receiver?: { _maxPayload?: number } | null })._receiver;
  if (!receiver || typeof receiver._maxPayload !== 'number') {
    throw new Error('ws receiver has no _maxPayload: per-connection message limits unavailable');
  }
  receiver._maxPayload = bytes;
}
