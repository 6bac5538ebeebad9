import type { TransportEnd, TransportPort, TransportSocket } from './TransportPort.js';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

/**
 * Builds the `WebSocketPolyfill` handed to y-websocket's WebsocketProvider. Each instance the
 * provider creates stands for one relay connection of `engine`, which plays the y-websocket
 * server inside the client (docs/adr/0001-encrypting-transport.md). The provider itself runs
 * unchanged: reconnection, awareness and `synced` behave as in any Yjs integration.
 */
export function createTransportClass(
  engine: TransportPort,
): new (url: string, protocols?: string | string[]) => TransportSocket {
  return class TrameTransport implements TransportEnd {
    static readonly CONNECTING = CONNECTING;
    static readonly OPEN = OPEN;
    static readonly CLOSING = 2;
    static readonly CLOSED = CLOSED;
    readonly CONNECTING = CONNECTING;
    readonly OPEN = OPEN;
    readonly CLOSING = 2;
    readonly CLOSED = CLOSED;
    binaryType = 'arraybuffer';
    readyState = CONNECTING;
    bufferedAmount = 0;
    protocol = '';
    onopen: TransportSocket['onopen'] = null;
    onmessage: TransportSocket['onmessage'] = null;
    onclose: TransportSocket['onclose'] = null;
    onerror: TransportSocket['onerror'] = null;

    constructor(readonly url: string) {
      // The provider sets its handlers right after construction: attach once they exist.
      queueMicrotask(() => {
        if (this.readyState === CONNECTING) engine.attach(this);
      });
    }

    send(data: ArrayBuffer | Uint8Array): void {
      if (this.readyState !== OPEN) return;
      engine.fromProvider(this, data instanceof Uint8Array ? data : new Uint8Array(data));
    }

    close(): void {
      if (this.readyState === CLOSED) return;
      this.readyState = CLOSED;
      engine.detach(this);
    }

    markOpen(): void {
      if (this.readyState !== CONNECTING) return;
      this.readyState = OPEN;
      this.onopen?.({ type: 'open' });
    }

    deliver(message: Uint8Array): void {
      if (this.readyState !== OPEN) return;
      const data =
        message.byteOffset === 0 && message.byteLength === message.buffer.byteLength
          ? (message.buffer as ArrayBuffer)
          : (message.slice().buffer as ArrayBuffer);
      this.onmessage?.({ data });
    }

    markClosed(code: number, reason: string): void {
      if (this.readyState === CLOSED) return;
      this.readyState = CLOSED;
      this.onclose?.({ code, reason, wasClean: code === 1000 });
    }
  };
}
