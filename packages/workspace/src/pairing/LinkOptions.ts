import type { WebSocketConstructor } from '@trame/sync';

/** What both sides of a link are given by the screen (DEVICES-1). */
export interface LinkOptions {
  /** `ws(s)://<host>/pair` (the relay's own origin). */
  url: string;
  /** Defaults to the platform's WebSocket (Node tests pass `ws`'s). */
  WebSocketImpl?: WebSocketConstructor;
  /** The channel id from the other screen's code, or null to create one and show its code. */
  join: Uint8Array | null;
  /** A created channel's code to show (and put in the QR code), with its expiry (local ms). */
  onCode?(code: string, expiresAt: number): void;
  /** The comparison code to show; the person then answers through `confirmed`. */
  onComparison(code: string): void;
  /** Resolves when the person confirms both screens show the same code; rejects if they differ. */
  confirmed: Promise<void>;
  /** "Annuler". */
  signal?: AbortSignal;
}
