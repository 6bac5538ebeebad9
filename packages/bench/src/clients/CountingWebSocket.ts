import WebSocket from 'ws';

/**
 * `ws`'s WebSocket that counts the messages its instances send, all clients of a worker
 * together: the fan-out scenario divides it by the keys typed to show how many messages a key
 * costs on the way up (Trame coalesces keys typed while an UPDATE is unacknowledged; the
 * peers' providers send one message per Yjs update). One increment per send: free.
 */
export class CountingWebSocket extends WebSocket {
  static sent = 0;
}

// Patched on the subclass's prototype rather than overridden in the class body: `send` is
// overloaded, and a wrapper passes any of its forms through unchanged.
const send = WebSocket.prototype.send;
CountingWebSocket.prototype.send = function (this: WebSocket, ...args: unknown[]): void {
  CountingWebSocket.sent++;
  (send as (...a: unknown[]) => void).apply(this, args);
} as WebSocket['send'];
