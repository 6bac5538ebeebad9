import { reconnectDelay } from '../connection/reconnectDelay.js';
import type { TransportEnd, TransportPort, TransportSocket } from './TransportPort.js';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

/**
 * Builds the `WebSocketPolyfill` handed to y-websocket's WebsocketProvider. Each instance the
 * provider creates stands for one relay connection of `engine`, which plays the y-websocket
 * server inside the client (docs/adr/0001-encrypting-transport.md). The provider itself runs
 * unchanged: awareness and `synced` behave as in any Yjs integration.
 *
 * Reconnection pacing is decided here (MINUTES-7), not by the provider (which is given no
 * backoff of its own): after n connections in a row that failed or dropped, a new instance
 * waits {@link reconnectDelay}(n - 1) — exponential, capped, jittered — before reaching the
 * relay; a connection that loads resets n. `retryNow()` ends a wait at once (back online).
 */
export function createTransportClass(engine: TransportPort): TransportClass {
  let failures = 0;
  let waiting: { timer: ReturnType<typeof setTimeout>; attach: () => void; owner: TransportEnd } | null = null;
  return class TrameTransport implements TransportEnd {
    static retryNow(): void {
      const w = waiting;
      if (!w) return;
      waiting = null;
      clearTimeout(w.timer);
      w.attach();
    }

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
      const attach = (): void => {
        if (this.readyState === CONNECTING) engine.attach(this);
      };
      if (failures === 0) queueMicrotask(attach);
      else {
        const timer = setTimeout(
          () => {
            if (waiting?.timer === timer) waiting = null;
            attach();
          },
          reconnectDelay(failures - 1),
        );
        waiting = { timer, attach, owner: this };
      }
    }

    send(data: ArrayBuffer | Uint8Array): void {
      if (this.readyState !== OPEN) return;
      engine.fromProvider(this, data instanceof Uint8Array ? data : new Uint8Array(data));
    }

    close(): void {
      if (this.readyState === CLOSED) return;
      if (waiting?.owner === this) {
        clearTimeout(waiting.timer);
        waiting = null;
      }
      this.readyState = CLOSED;
      engine.detach(this);
    }

    markOpen(): void {
      if (this.readyState !== CONNECTING) return;
      failures = 0;
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
      failures++;
      this.readyState = CLOSED;
      this.onclose?.({ code, reason, wasClean: code === 1000 });
    }
  };
}

/** The provider's `WebSocketPolyfill`, plus a way to end a reconnection wait at once. */
export type TransportClass = (new (url: string, protocols?: string | string[]) => TransportSocket) & {
  retryNow(): void;
};
