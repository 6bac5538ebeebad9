import {
  decodePairingFrame,
  encodePairingFrame,
  errorCodeFromNumber,
  PAIRING,
  PairingFrameKind,
  PairingMode,
  type PairingStatusFrame,
} from '@trame/protocol';
import { defaultWebSocket, type WebSocketConstructor, type WebSocketLike } from '../connection/WebSocketLike.js';
import { PairingError } from './PairingError.js';

/** Options of {@link PairingSocket.open}. */
export interface PairingSocketOptions {
  /** `ws(s)://<host>/pair`. */
  url: string;
  /** Defaults to the platform's WebSocket. */
  WebSocketImpl?: WebSocketConstructor;
  /** Null: create a channel; otherwise join the channel with this id. */
  join: Uint8Array | null;
}

/**
 * One device's end of a pairing channel (PROTOCOL.md §11.1): OPEN, then STATUS frames and the
 * other device's DATA payloads in order. The relay's typed errors (PAIRING_UNKNOWN, _FULL,
 * _EXPIRED, _PEER_LEFT, RATE_LIMITED…) end it with a {@link PairingError}.
 */
export class PairingSocket {
  /** The channel's id: the one joined, or the one the relay drew for a created channel. */
  channel: Uint8Array = new Uint8Array(PAIRING.channelIdBytes);
  /** Local clock (ms) at which the relay ends the channel. */
  expiresAt = 0;
  private peers = 0;
  private readonly ws: WebSocketLike;
  private readonly inbox: Uint8Array[] = [];
  private waiters: Array<{ resolve(): void; reject(e: PairingError): void }> = [];
  private failure: PairingError | null = null;
  private ended!: (e: PairingError) => void;
  /** Rejects with the error that ends the channel (the other device left, the relay closed…). */
  readonly failed: Promise<never> = new Promise<never>((_, reject) => (this.ended = reject));
  private opened!: (s: PairingStatusFrame) => void;
  private readonly firstStatus: Promise<PairingStatusFrame>;

  private constructor(o: PairingSocketOptions) {
    this.failed.catch(() => {});
    this.firstStatus = new Promise((resolve, reject) => {
      this.opened = resolve;
      this.waiters.push({ resolve: () => {}, reject });
    });
    this.ws = new (o.WebSocketImpl ?? defaultWebSocket())(o.url, PAIRING.subprotocol);
    this.ws.binaryType = 'arraybuffer';
    this.ws.onopen = () =>
      this.ws.send(
        encodePairingFrame({
          kind: PairingFrameKind.Open,
          mode: o.join ? PairingMode.Join : PairingMode.Create,
          channel: o.join ?? new Uint8Array(PAIRING.channelIdBytes),
        }),
      );
    this.ws.onmessage = (ev) => this.receive(ev.data);
    this.ws.onerror = () => {};
    this.ws.onclose = () => this.fail(new PairingError('PAIRING_UNREACHABLE', 'the pairing channel closed'));
  }

  /** Opens (creates or joins) a channel; resolves once the relay has answered with its STATUS. */
  static async open(o: PairingSocketOptions): Promise<PairingSocket> {
    const s = new PairingSocket(o);
    await s.firstStatus;
    return s;
  }

  /** Resolves when both devices are on the channel. */
  whenPeer(): Promise<void> {
    return this.wait(() => this.peers >= 2);
  }

  /** The other device's next DATA payload. */
  async next(): Promise<Uint8Array> {
    await this.wait(() => this.inbox.length > 0);
    return this.inbox.shift()!;
  }

  send(payload: Uint8Array): void {
    if (this.failure) throw this.failure;
    this.ws.send(encodePairingFrame({ kind: PairingFrameKind.Data, payload }));
  }

  /** Leaves the channel (the other device is told PAIRING_PEER_LEFT); pending reads fail with `error`. */
  close(error = new PairingError('PAIRING_CANCELLED')): void {
    this.fail(error);
    try {
      this.ws.close(1000);
    } catch {
      /* already closing */
    }
  }

  private async wait(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    }
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w.resolve();
  }

  private fail(e: PairingError): void {
    if (this.failure) return;
    this.failure = e;
    this.ended(e);
    for (const w of this.waiters.splice(0)) w.reject(e);
  }

  private receive(data: unknown): void {
    if (this.failure) return;
    const bytes =
      data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : null;
    try {
      if (!bytes) throw new Error('text frame');
      const f = decodePairingFrame(bytes);
      if (f.kind === PairingFrameKind.Status) {
        this.channel = f.channel;
        this.peers = f.peers;
        this.expiresAt = Date.now() + f.expiresInMs;
        this.opened(f);
      } else if (f.kind === PairingFrameKind.Data) {
        this.inbox.push(f.payload);
      } else if (f.kind === PairingFrameKind.Error) {
        const code = errorCodeFromNumber(f.code);
        return this.close(new PairingError(code, `the relay ended the pairing channel: ${code}`));
      } else {
        throw new Error('OPEN from the relay');
      }
    } catch (cause) {
      return this.close(new PairingError('PAIRING_UNEXPECTED', 'the relay sent something else', { cause }));
    }
    this.wake();
  }
}
