/** What y-websocket's provider calls on its "websocket" (see its setupWS). */
export interface TransportSocket {
  binaryType: string;
  readyState: number;
  readonly OPEN: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: ArrayBuffer }) => void) | null;
  onclose: ((ev: { code: number; reason: string; wasClean: boolean }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: ArrayBuffer | Uint8Array): void;
  close(code?: number, reason?: string): void;
}

/** The engine-facing side of a transport instance. */
export interface TransportEnd extends TransportSocket {
  /** The relay connection is authenticated and the initial state applied. */
  markOpen(): void;
  /** Hands a y-websocket protocol message to the provider. */
  deliver(message: Uint8Array): void;
  /** The relay connection ended; the provider decides from `code` whether to reconnect. */
  markClosed(code: number, reason: string): void;
}

/**
 * What a transport instance needs from the document engine. The engine implements it and the
 * transport depends only on this port, so neither module imports the other.
 */
export interface TransportPort {
  /** A provider's socket is ready for the relay connection. */
  attach(t: TransportEnd): void;
  /** The provider closed its socket. */
  detach(t: TransportEnd): void;
  /** A y-websocket protocol message the provider sent. */
  fromProvider(t: TransportEnd, message: Uint8Array): void;
}
