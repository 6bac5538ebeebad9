import {
  decodeFrame,
  encodeAuth,
  encodeHello,
  FrameKind,
  isTrameError,
  relayHostOf,
  TrameError,
  TRAME_SUBPROTOCOL,
  ZERO_ID,
  type Frame,
  type ReadyFrame,
} from '@trame/protocol';
import { signAuth, type Identity } from '@trame/crypto';
import type { WebSocketConstructor, WebSocketLike } from './WebSocketLike.js';

export interface RelayConnectionOptions {
  /** Relay websocket URL, e.g. `ws://127.0.0.1:8787/ws`. */
  url: string;
  identity: Identity;
  spaceId: Uint8Array;
  /** Zeros for a space-level connection. */
  docId?: Uint8Array;
  create?: boolean;
  knownMembershipSeq?: number;
  knownSnapshotId?: Uint8Array;
  /** Updates of that snapshot's tail held, from the first (R48). */
  knownTailCount?: number;
  /** Ask for the latest snapshot's parent and its tail too (R53). */
  withParent?: boolean;
  WebSocketImpl: WebSocketConstructor;
  /** Every frame after AUTH, READY included, in arrival order. */
  onFrame(frame: Frame): void;
  /** The socket closed (by either side); `code` is the websocket close code. */
  onClose(code: number, reason: string): void;
  /** A frame from the relay failed to parse. */
  onProtocolError?(error: TrameError): void;
}

/**
 * One authenticated websocket to the relay (PROTOCOL.md §5): sends HELLO, answers the
 * CHALLENGE, then hands every frame to `onFrame`. Holds no document state.
 */
export class RelayConnection {
  private readonly ws: WebSocketLike;
  private helloRaw: Uint8Array | null = null;
  private authenticated = false;
  private closed = false;
  /** Set once READY arrived. */
  ready: ReadyFrame | null = null;

  constructor(private readonly o: RelayConnectionOptions) {
    // R9: the relay refuses an upgrade that does not offer `trame.<version>`.
    this.ws = new o.WebSocketImpl(o.url, TRAME_SUBPROTOCOL);
    this.ws.binaryType = 'arraybuffer';
    this.ws.onopen = () => this.sendHello();
    this.ws.onmessage = (ev) => this.receive(ev.data);
    this.ws.onerror = () => {
      /* a close event always follows */
    };
    this.ws.onclose = (ev) => this.finish(ev.code, ev.reason);
  }

  private sendHello(): void {
    this.helloRaw = encodeHello({
      create: this.o.create ?? false,
      spaceId: this.o.spaceId,
      docId: this.o.docId ?? ZERO_ID,
      identity: this.o.identity.publicKey,
      knownMembershipSeq: this.o.knownMembershipSeq ?? -1,
      knownSnapshotId: this.o.knownSnapshotId ?? ZERO_ID,
      knownTailCount: this.o.knownTailCount ?? 0,
      withParent: this.o.withParent ?? false,
    });
    this.ws.send(this.helloRaw);
  }

  private receive(data: unknown): void {
    if (this.closed) return;
    let bytes: Uint8Array;
    if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
    else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    else return this.protocolError(new TrameError('MALFORMED_FRAME', 'text frame from relay'));
    let frame: Frame;
    try {
      frame = decodeFrame(bytes);
    } catch (e) {
      return this.protocolError(isTrameError(e) ? e : new TrameError('MALFORMED_FRAME'));
    }
    if (!this.authenticated) {
      if (frame.kind === FrameKind.Challenge && this.helloRaw) {
        this.authenticated = true;
        // R16: the answer names the relay dialled, so no other relay can reuse it.
        this.ws.send(encodeAuth(signAuth(this.o.identity, frame.nonce, this.helloRaw, relayHostOf(this.o.url))));
        return;
      }
      if (frame.kind !== FrameKind.Error) {
        return this.protocolError(new TrameError('UNEXPECTED_FRAME', 'expected CHALLENGE'));
      }
    }
    if (frame.kind === FrameKind.Ready) this.ready = frame;
    this.o.onFrame(frame);
  }

  private protocolError(e: TrameError): void {
    this.o.onProtocolError?.(e);
    this.close(4400, e.code);
  }

  private finish(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.o.onClose(code, reason);
  }

  get isOpen(): boolean {
    return !this.closed && this.ws.readyState === 1;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  send(frame: Uint8Array): void {
    if (this.isOpen) this.ws.send(frame);
  }

  /** Closes the socket; `onClose` fires once, synchronously, with `code`. */
  close(code = 1000, reason = ''): void {
    if (this.closed) return;
    try {
      this.ws.close(code >= 4000 || code === 1000 ? code : 1000, reason);
    } catch {
      /* already closing */
    }
    this.finish(code, reason);
  }
}
