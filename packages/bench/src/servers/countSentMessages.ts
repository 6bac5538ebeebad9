import { WebSocket } from 'ws';

/**
 * Counts the WebSocket messages this process sends, by wrapping `ws`'s `send` (all three
 * servers send through the hoisted `ws` 8: Trame's relay and Hocuspocus import it, and the
 * y-websocket server's connections come from the bench's own `WebSocketServer`). Messages, not
 * system calls: a server that corks its sockets writes several messages at once. One increment
 * per message, so it costs nothing measurable. Returns the running count.
 */
export function countSentMessages(): () => number {
  let sent = 0;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, ...args: unknown[]): void {
    sent++;
    (send as (...a: unknown[]) => void).apply(this, args);
  } as WebSocket['send'];
  return () => sent;
}
