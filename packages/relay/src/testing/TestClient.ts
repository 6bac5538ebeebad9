import { WebSocket } from 'ws';
import {
  authSigningInput,
  relayHostOf,
  decodeFrame,
  encodeAuth,
  encodeHello,
  ERROR_CODES,
  errorCodeFromNumber,
  FrameKind,
  frameKindName,
  TRAME_SUBPROTOCOL,
  ZERO_ID,
  type AckFrame,
  type ErrorCode,
  type ErrorFrame,
  type Frame,
  type ReadyFrame,
} from '@trame/protocol';
import type { TestIdentity } from './createTestIdentity.js';

/** What a HELLO asks for. */
export interface HelloOptions {
  spaceId: Uint8Array;
  /** Omit for a space-level connection. */
  docId?: Uint8Array;
  create?: boolean;
  knownMembershipSeq?: number;
  knownSnapshotId?: Uint8Array;
  knownTailCount?: number;
}

/** Frames received after AUTH up to READY. */
export interface InitialFrames {
  frames: Frame[];
  ready: ReadyFrame;
}

/** How {@link TestClient.connect} opens its socket. */
export interface TestConnectOptions {
  autoPong?: boolean;
  /** Subprotocols offered (R9); defaults to `trame.<version>`. */
  protocols?: string[];
  /** Extra upgrade headers (e.g. a forwarded client address, R60). */
  headers?: Record<string, string>;
}

type FrameOf<K extends Frame['kind']> = Extract<Frame, { kind: K }>;

/**
 * A raw protocol client for tests: sends bytes, receives decoded frames in order, and
 * records how the relay closed the socket.
 */
export class TestClient {
  private readonly inbox: Frame[] = [];
  /** Frames other than DURABLE received so far. */
  private received = 0;
  /**
   * R47: DURABLE frames are kept out of the inbox (tests read content, ACK and ERROR frames in
   * order); each entry is how many other frames had arrived before that DURABLE.
   */
  readonly durableAfter: number[] = [];
  private waiter: (() => void) | null = null;
  /** Resolves with the close code and reason once the socket is closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  private closeInfo: { code: number; reason: string } | null = null;

  private constructor(
    readonly ws: WebSocket,
    /** The relay host AUTH names (R16): that of the URL dialled. */
    readonly relayHost: string,
  ) {
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) throw new Error('the relay sent a text message');
      const frame = decodeFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (frame.kind === FrameKind.Durable) this.durableAfter.push(this.received);
      else {
        this.received += 1;
        this.inbox.push(frame);
      }
      this.wake();
    });
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        this.wake();
        resolve(this.closeInfo);
      });
    });
    ws.on('error', () => {});
  }

  /** Opens a websocket to the relay (`url` from `startRelay`). */
  static async connect(url: string, options: TestConnectOptions = {}): Promise<TestClient> {
    const protocols = options.protocols === undefined ? [TRAME_SUBPROTOCOL] : options.protocols;
    const ws = new WebSocket(url, protocols, {
      autoPong: options.autoPong ?? true,
      perMessageDeflate: false,
      ...(options.headers ? { headers: options.headers } : {}),
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new TestClient(ws, relayHostOf(url));
  }

  /** Connects, sends HELLO, answers the CHALLENGE, returns the initial state up to READY. */
  static async open(url: string, identity: TestIdentity, hello: HelloOptions): Promise<[TestClient, InitialFrames]> {
    const client = await TestClient.connect(url);
    const initial = await client.authenticate(identity, hello);
    return [client, initial];
  }

  send(bytes: Uint8Array | string): void {
    this.ws.send(bytes);
  }

  get isClosed(): boolean {
    return this.closeInfo !== null;
  }

  /** Frames received and not yet read. */
  get pending(): number {
    return this.inbox.length;
  }

  /** Frames other than DURABLE received so far (read or not). */
  get receivedCount(): number {
    return this.received;
  }

  /** Waits until a DURABLE arrived after at least `frames` other frames (R47). */
  async waitDurable(frames = this.received, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.durableAfter.some((n) => n >= frames)) {
      if (this.closeInfo) throw new Error(`socket closed (${this.closeInfo.code}) while waiting for DURABLE`);
      if (!(await this.waitForActivity(deadline))) throw new Error('timed out waiting for DURABLE');
    }
  }

  /** Waits until a frame or the close arrives, or `deadline` passes (then returns false). */
  private async waitForActivity(deadline: number): Promise<boolean> {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, left);
      this.waiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.waiter = null;
    return true;
  }

  /** The next frame, waiting up to `timeoutMs`. */
  async next(timeoutMs = 3000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = this.inbox.shift();
      if (frame) return frame;
      if (this.closeInfo) throw new Error(`socket closed (${this.closeInfo.code}) while waiting for a frame`);
      if (!(await this.waitForActivity(deadline))) throw new Error('timed out waiting for a frame');
    }
  }

  /** The next frame, which must be of this kind. */
  async expect<K extends Frame['kind']>(kind: K, timeoutMs?: number): Promise<FrameOf<K>> {
    const frame = await this.next(timeoutMs);
    if (frame.kind !== kind) {
      const detail = frame.kind === FrameKind.Error ? ` ${errorCodeFromNumber(frame.code)}: ${frame.message}` : '';
      throw new Error(`expected ${frameKindName(kind)}, got ${frameKindName(frame.kind)}${detail}`);
    }
    return frame as FrameOf<K>;
  }

  /** The next frame, which must be an ERROR with this code. */
  async expectError(code: ErrorCode, timeoutMs?: number): Promise<ErrorFrame> {
    const frame = await this.expect(FrameKind.Error, timeoutMs);
    if (frame.code !== ERROR_CODES[code]) {
      throw new Error(`expected ERROR ${code}, got ${errorCodeFromNumber(frame.code)}: ${frame.message}`);
    }
    return frame;
  }

  async expectAck(timeoutMs?: number): Promise<AckFrame> {
    return this.expect(FrameKind.Ack, timeoutMs);
  }

  /** Fails if any frame arrives within `ms`. */
  async expectNothing(ms = 150): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const frame = this.inbox[0];
    if (frame) throw new Error(`unexpected ${frameKindName(frame.kind)}`);
  }

  /** Waits for the socket to close and returns the close code. */
  async closeCode(timeoutMs = 3000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('socket not closed in time')), timeoutMs);
    });
    try {
      return (await Promise.race([this.closed, timeout])).code;
    } finally {
      clearTimeout(timer);
    }
  }

  /** HELLO, CHALLENGE, AUTH; returns every frame up to READY. */
  async authenticate(identity: TestIdentity, hello: HelloOptions, sign = identity): Promise<InitialFrames> {
    const helloRaw = encodeHello({
      create: hello.create ?? false,
      spaceId: hello.spaceId,
      docId: hello.docId ?? ZERO_ID,
      identity: identity.publicKey,
      knownMembershipSeq: hello.knownMembershipSeq ?? -1,
      knownSnapshotId: hello.knownSnapshotId ?? ZERO_ID,
      knownTailCount: hello.knownTailCount ?? 0,
    });
    this.send(helloRaw);
    const challenge = await this.expect(FrameKind.Challenge);
    this.send(encodeAuth(sign.sign(authSigningInput(challenge.nonce, helloRaw, this.relayHost))));
    const frames: Frame[] = [];
    for (;;) {
      const frame = await this.next();
      if (frame.kind === FrameKind.Ready) return { frames, ready: frame };
      if (frame.kind === FrameKind.Error) {
        throw new Error(`relay refused: ${errorCodeFromNumber(frame.code)} ${frame.message}`);
      }
      frames.push(frame);
    }
  }

  /** Closes from the client side and waits for the socket to be gone. */
  async close(): Promise<void> {
    if (!this.closeInfo) {
      if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
      await Promise.race([this.closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
      if (!this.closeInfo) this.ws.terminate();
    }
  }

  private wake(): void {
    this.waiter?.();
  }
}
