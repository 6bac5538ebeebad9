import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import {
  CloseCode,
  decodeFrame,
  frameKindName,
  isZero,
  toHex,
  TrameError,
  ZERO_ID,
  type HelloFrame,
  type InviteWrapFrame,
} from '@trame/protocol';
import type { ConnectionTarget } from '../checks/checkContentTarget.js';
import type { LiveFrame } from '../hub/LiveFrame.js';
import type { Peer } from '../hub/Peer.js';
import { TokenBucket } from '../limits/TokenBucket.js';
import type { LogFields, LogLevel } from '../logging/Logger.js';
import type { Evictable } from '../admission/Admission.js';
import type { RelayContext } from '../relay/RelayContext.js';
import { closeCodeForRejection } from './closeCodeForRejection.js';
import { encodeRejection } from './encodeRejection.js';
import { filterQueuedFrames, type InitialPosition } from './filterQueuedFrames.js';
import { frameRef, rawFrameRef, type FrameRef } from './FrameRef.js';
import { handleFrame } from './handleFrame.js';
import { internKey } from './internKey.js';
import { roomKey } from '../hub/roomKey.js';
import { setMaxPayload } from './setMaxPayload.js';
import type { Corkable } from './WriteCoalescer.js';

/**
 * PROTOCOL.md §5: `hello` → (CHALLENGE sent) `auth` → (AUTH verified) `loading` → `open`, or
 * `genesis` when a CREATE connection waits for the entry that founds its space.
 */
export type ConnectionPhase = 'hello' | 'auth' | 'loading' | 'genesis' | 'open' | 'closed';

/**
 * One websocket client. Owns the socket, the connection's state, its limits (R15) and the
 * order of its frames: frames of one connection are handled one after the other, so its
 * ACKs and ERRORs come back in the order it sent the frames (R14).
 */
export class Connection implements Peer, Evictable {
  readonly id = randomBytes(6).toString('hex');
  phase: ConnectionPhase = 'hello';
  /** The authenticated (or authenticating) HELLO; set in phase `auth` and later. */
  hello: HelloFrame | null = null;
  /** Nonce sent in CHALLENGE. */
  challenge: Uint8Array | null = null;
  spaceKey = '';
  docKey: string | null = null;
  /** R75: INVITE_WRAPs this connection sent for the membership entry that follows them. */
  inviteWraps: InviteWrapFrame[] = [];
  /** `space/doc` of a document connection (its queue, room and durability key), set once. */
  roomKey: string | null = null;
  identityKey = '';

  private queued: LiveFrame[] | null = null;
  private chain: Promise<void> = Promise.resolve();
  private readonly bucket: TokenBucket;
  private strikes = 0;
  private alive = true;
  private queuedBytes = 0;
  /** R63: the awareness budget this connection spends from, once it sent an EPHEMERAL. */
  private ephemeralKey: string | null = null;
  private ephemeralDrops: TokenBucket | null = null;
  /** R65: this connection's byte budget, created at its first content or membership frame. */
  private bytes: TokenBucket | null = null;
  /** R60: the deadline of the current phase (handshake and GENESIS wait, then loading). */
  private authTimer: NodeJS.Timeout | null;
  private killTimer: NodeJS.Timeout | null = null;
  /** R60: counted as pending by the admission until known as a member. */
  private pending = true;

  constructor(
    readonly ctx: RelayContext,
    private readonly ws: WebSocket,
    /** Client address the admission counts this connection under (R60); null: not counted. */
    readonly address: string | null = null,
    /** The upgrade request's `Host` header: the relay host AUTH must name (R16). */
    readonly requestHost?: string,
    /** R68: the upgrade offered the operator's space-creation token. */
    readonly presentedCreationToken = false,
  ) {
    this.bucket = new TokenBucket(ctx.limits.framesPerSecond, ctx.limits.frameBurst);
    // One listener shared by every socket instead of a closure each (idle connections add up).
    (ws as WebSocket & { [CONNECTION]?: Connection })[CONNECTION] = this;
    ws.on('pong', onPong);
    setMaxPayload(ws, ctx.limits.handshakeMaxPayloadBytes);
    ctx.admission.opened(this);
    this.authTimer = setTimeout(() => this.authTimedOut(), ctx.limits.authTimeoutMs);
    ctx.hub.track(this);
    this.log('debug', 'connection.open');
  }

  /** Space, document and identity of the HELLO. Only valid once the HELLO was handled. */
  get target(): ConnectionTarget {
    const h = this.requireHello();
    return { spaceId: h.spaceId, docId: h.docId, identity: h.identity };
  }

  /** R60: closed to make room for a newer handshake while too many are pending. */
  evict(): void {
    if (this.phase === 'closed') return;
    this.log('warn', 'connection.evicted', { phase: this.phase });
    this.close(CloseCode.Unavailable, 'EVICTED');
  }

  /** Whether the connection was closed (by either side); a method so TS does not narrow it away. */
  isClosed(): boolean {
    return this.phase === 'closed';
  }

  get spaceLevel(): boolean {
    return this.docKey === null;
  }

  requireHello(): HelloFrame {
    if (!this.hello) throw new TrameError('UNEXPECTED_FRAME', 'no HELLO yet');
    return this.hello;
  }

  /** Records the HELLO: from now on the connection is about this space, document and identity. */
  bind(hello: HelloFrame): void {
    this.hello = hello;
    this.spaceKey = internKey(toHex(hello.spaceId));
    this.docKey = isZero(hello.docId) ? null : toHex(hello.docId);
    this.roomKey = this.docKey === null ? null : roomKey(this.spaceKey, this.docKey);
    this.identityKey = internKey(toHex(hello.identity));
  }

  /** A websocket message arrived. */
  receive(data: ArrayBuffer | string): void {
    if (this.phase === 'closed') return;
    if (!this.bucket.take()) {
      this.rateLimited(typeof data === 'string' ? null : new Uint8Array(data));
      return;
    }
    // A client that has slowed down enough to refill half its bucket is no longer a repeat offender.
    if (this.strikes > 0 && this.bucket.level() >= this.ctx.limits.frameBurst / 2) this.strikes = 0;
    if (typeof data === 'string') this.ctx.metrics.received(-1, data.length);
    else this.ctx.metrics.received(data.byteLength > 1 ? new DataView(data).getUint8(1) : -1, data.byteLength);
    if (typeof data === 'string') {
      this.reject(
        new TrameError('MALFORMED_FRAME', 'text messages are not frames'),
        { kind: 0, ref: ZERO_ID, number: 0 },
        data.length,
      );
      return;
    }
    const raw = new Uint8Array(data);
    const work = this.chain.then(() => (this.phase === 'closed' ? undefined : handleFrame(this, raw)));
    this.chain = work.catch((e: unknown) => {
      // handleFrame answers every expected failure itself; this is a bug, not a client error.
      this.log('error', 'connection.internal_error', { error: e instanceof Error ? e.name : 'unknown' });
      this.close(CloseCode.Internal, 'INTERNAL');
    });
    this.ctx.track(this.chain);
  }

  /** Sends one frame, dropping the client if it does not read fast enough (R15). */
  send(bytes: Uint8Array): void {
    if (this.phase === 'closed' || this.ws.readyState !== WebSocket.OPEN) return;
    const socket = this.rawSocket();
    if (socket) this.ctx.writes.hold(socket);
    this.ws.send(bytes);
    this.ctx.metrics.sent(bytes.length);
    if (this.ws.bufferedAmount > this.ctx.limits.maxSendBufferBytes) {
      this.log('warn', 'connection.slow_reader', { buffered: this.ws.bufferedAmount });
      this.close(CloseCode.SlowReader, 'SLOW_READER');
    }
  }

  /**
   * Sends one frame of the initial state, waiting while the socket holds more than a
   * quarter of the send-buffer limit: a long tail (tens of MB) is streamed at the pace the
   * client reads it instead of tripping the slow-reader limit meant for live frames (R15).
   */
  async sendInitial(bytes: Uint8Array): Promise<void> {
    if (this.phase === 'closed' || this.ws.readyState !== WebSocket.OPEN) return;
    const socket = this.rawSocket();
    if (socket) this.ctx.writes.hold(socket);
    this.ws.send(bytes);
    this.ctx.metrics.sent(bytes.length);
    if (!socket || this.ws.bufferedAmount <= this.ctx.limits.maxSendBufferBytes / 4) return;
    this.ctx.writes.release();
    await new Promise<void>((resolve) => {
      const done = (): void => {
        socket.off('drain', done);
        socket.off('close', done);
        resolve();
      };
      socket.on('drain', done);
      socket.on('close', done);
    });
  }

  /**
   * A frame accepted from another connection: sent now, or queued while loading (R13). The
   * queue is bounded like a send buffer (R61): a connection that cannot load faster than its
   * document changes is dropped as a slow reader and retries.
   */
  deliver(frame: LiveFrame): void {
    if (!this.queued) {
      // R63: awareness is the first thing a backed-up reader goes without: the next state
      // replaces it, and a flood aimed at members must not make them slow readers.
      if (frame.kind === 'ephemeral' && this.ws.bufferedAmount > this.ctx.limits.maxSendBufferBytes / 8) return;
      this.send(frame.raw);
      return;
    }
    this.queuedBytes += frame.raw.length;
    if (this.queuedBytes > this.ctx.limits.maxSendBufferBytes) {
      this.log('warn', 'connection.slow_reader', { queued: this.queuedBytes });
      this.close(CloseCode.SlowReader, 'SLOW_READER');
      return;
    }
    this.queued.push(frame);
  }

  /**
   * R63: whether this connection's identity may relay an EPHEMERAL of `bytes` in its document
   * now. Over budget the frame is dropped; a connection that keeps going over is closed (4529).
   */
  spendEphemeral(bytes: number): boolean {
    const { ctx } = this;
    if (this.ephemeralKey === null) {
      this.ephemeralKey = `${this.identityKey}|${this.roomKey ?? this.spaceKey}`;
      ctx.ephemeral.acquire(this.ephemeralKey);
    }
    if (bytes <= ctx.limits.ephemeralMaxBytes && ctx.ephemeral.take(this.ephemeralKey, bytes)) return true;
    ctx.metrics.quotaHit('ephemeral');
    this.ephemeralDrops ??= new TokenBucket(ctx.limits.ephemeralPerSecond, ctx.limits.ephemeralDropBurst);
    if (!this.ephemeralDrops.take()) {
      this.log('warn', 'connection.ephemeral_flood');
      this.close(CloseCode.RateLimited, 'RATE_LIMITED');
    }
    return false;
  }

  /**
   * R65: spends `n` bytes of this connection's, its identity's and its space's budgets, or
   * throws RATE_LIMITED saying when to retry (nothing is spent then). Clients re-send a
   * RATE_LIMITED frame after a pause (R21 makes it safe).
   */
  spendBytes(n: number): void {
    const { ctx } = this;
    const l = ctx.limits;
    this.bytes ??= new TokenBucket(l.bytesPerSecondPerConnection, l.byteBurstPerConnection);
    if (!this.bytes.takeMany(n))
      this.overBudget('connection', ((n - this.bytes.level()) / l.bytesPerSecondPerConnection) * 1000);
    const identityWait = ctx.budgets.identity.take(this.identityKey, n);
    if (identityWait > 0) {
      this.bytes.refund(n);
      this.overBudget('identity', identityWait);
    }
    const spaceWait = ctx.budgets.space.take(this.spaceKey, n);
    if (spaceWait > 0) {
      this.bytes.refund(n);
      ctx.budgets.identity.refund(this.identityKey, n);
      this.overBudget('space', spaceWait);
    }
  }

  private overBudget(scope: string, waitMs: number): never {
    this.ctx.metrics.quotaHit('bytes');
    const retry = Number.isFinite(waitMs) ? `retry in ${Math.ceil(waitMs)} ms` : 'frame larger than the budget';
    throw new TrameError('RATE_LIMITED', `byte budget of the ${scope}: ${retry}`);
  }

  /** R47: sent only on a connection that is live; a loading one gets its own after READY. */
  sendDurable(raw: Uint8Array): void {
    if (this.phase === 'open' && !this.queued) this.send(raw);
  }

  /** A pong arrived: the peer is alive (R15). */
  ponged(): void {
    this.alive = true;
  }

  /**
   * The session is open: keep only the three ids of the HELLO, in one small buffer, and let the
   * received message (and the views into it) go. Idle connections are most of a relay's memory.
   */
  compactHello(): void {
    const h = this.hello;
    if (!h || h.raw.length === 0) return;
    const ids = new Uint8Array(h.spaceId.length + h.docId.length + h.identity.length);
    ids.set(h.spaceId, 0);
    ids.set(h.docId, h.spaceId.length);
    ids.set(h.identity, h.spaceId.length + h.docId.length);
    const a = h.spaceId.length;
    const b = a + h.docId.length;
    this.hello = {
      kind: h.kind,
      create: h.create,
      withParent: false,
      spaceId: ids.subarray(0, a),
      docId: ids.subarray(a, b),
      identity: ids.subarray(b),
      knownMembershipSeq: -1,
      knownSnapshotId: ZERO_ID,
      knownTailCount: 0,
      raw: EMPTY,
    };
  }

  /** Starts queueing live frames; call before reading the initial state (R13). */
  startQueueing(): void {
    this.queued = [];
  }

  /** Sends what was queued and is not already in the initial state, then goes live. */
  flushQueue(at: InitialPosition): void {
    const queued = this.queued ?? [];
    this.queued = null;
    this.queuedBytes = 0;
    for (const raw of filterQueuedFrames(queued, at)) this.send(raw);
  }

  /**
   * AUTH verified. The R10 deadline keeps running until the connection is admitted: a CREATE
   * connection that never sends its GENESIS is closed like one that never authenticates (R60).
   */
  authenticated(): void {}

  /** R60: waiting for a GENESIS; an entry may now be as large as a membership entry. */
  awaitingGenesis(): void {
    setMaxPayload(this.ws, this.ctx.limits.nonMemberMaxPayloadBytes);
  }

  /**
   * R60: the identity may open what it asked for. A member gets the full frame size and
   * stops counting as pending; an invite identity (`member` false) stays limited. The
   * handshake deadline gives way to the loading deadline.
   */
  admitted(member: boolean): void {
    if (this.authTimer) clearTimeout(this.authTimer);
    this.authTimer = null;
    setMaxPayload(this.ws, member ? this.ctx.limits.maxPayloadBytes : this.ctx.limits.nonMemberMaxPayloadBytes);
    if (member && this.pending) {
      this.pending = false;
      this.ctx.admission.member(this);
    }
    if (this.phase === 'loading') this.authTimer = setTimeout(() => this.loadTimedOut(), this.ctx.limits.loadTimeoutMs);
  }

  /** The initial state is sent: the loading deadline is over. */
  loaded(): void {
    if (this.authTimer) clearTimeout(this.authTimer);
    this.authTimer = null;
  }

  /**
   * Answers a frame with ERROR and closes the connection when the error is final
   * (`closeCode` overrides the default of {@link closeCodeForRejection}).
   */
  reject(error: TrameError, ref: FrameRef, bytes: number, closeCode = closeCodeForRejection(error.code)): void {
    this.log(closeCode === null ? 'info' : 'warn', 'frame.rejected', {
      kind: frameKindName(ref.kind),
      bytes,
      code: error.code,
    });
    this.ctx.metrics.rejected(error.code);
    this.send(encodeRejection(error, ref));
    if (closeCode !== null) this.close(closeCode, error.code);
  }

  /** Storage failed while the connection could not go on without it (R29): retry later. */
  unavailable(error: unknown, ref: FrameRef, bytes: number, closeCode: number | null): void {
    this.log('error', 'storage.failed', { error: error instanceof Error ? error.message : 'unknown' });
    this.reject(new TrameError('UNAVAILABLE', 'storage unavailable, retry later'), ref, bytes, closeCode);
  }

  /** Closes with a close frame, and destroys the socket if the peer does not finish the handshake. */
  close(code: number, reason: string): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.cleanup();
    this.ctx.metrics.closed(code);
    this.log('info', 'connection.closing', { closeCode: code });
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
    this.killTimer = setTimeout(() => this.ws.terminate(), this.ctx.limits.closeGraceMs);
    this.killTimer.unref();
  }

  /** The socket is gone (either side closed it). */
  socketClosed(code: number): void {
    if (this.killTimer) clearTimeout(this.killTimer);
    this.killTimer = null;
    if (this.phase !== 'closed') {
      this.phase = 'closed';
      this.cleanup();
    }
    this.log('info', 'connection.closed', { closeCode: code });
  }

  /** Called every ping interval: drop the connection if the last ping went unanswered (R15). */
  heartbeat(): void {
    if (this.phase === 'closed') return;
    if (!this.alive) {
      this.log('warn', 'connection.idle');
      this.close(CloseCode.IdleTimeout, 'IDLE_TIMEOUT');
      return;
    }
    this.alive = false;
    try {
      this.ws.ping();
    } catch {
      // The socket is closing; its close event cleans up.
    }
  }

  /** Whether a line of `level` would be written (per-frame lines are skipped cheaply). */
  logs(level: LogLevel): boolean {
    return this.ctx.logger.enabled?.(level) ?? true;
  }

  /** Structured log line with this connection's ids (never content). */
  log(level: LogLevel, event: string, fields: LogFields = {}): void {
    if (!this.logs(level)) return;
    this.ctx.logger.log(level, event, {
      conn: this.id,
      ...(this.spaceKey ? { space: this.spaceKey } : {}),
      ...(this.docKey ? { doc: this.docKey } : {}),
      ...fields,
    });
  }

  /** ws keeps its net.Socket in `_socket`; without it (another ws version) frames go one by one. */
  private rawSocket(): (Corkable & NodeJS.EventEmitter) | undefined {
    return (this.ws as unknown as { _socket?: Corkable & NodeJS.EventEmitter })._socket;
  }

  private rateLimited(raw: Uint8Array | null): void {
    this.strikes += 1;
    this.ctx.metrics.quotaHit('frames');
    const ref = raw ? refOf(raw) : { kind: 0, ref: ZERO_ID, number: 0 };
    const close = this.strikes >= this.ctx.limits.rateLimitCloseAfter ? CloseCode.RateLimited : null;
    this.reject(new TrameError('RATE_LIMITED', 'too many frames, slow down'), ref, raw?.length ?? 0, close);
  }

  private authTimedOut(): void {
    this.authTimer = null;
    if (this.phase !== 'hello' && this.phase !== 'auth' && this.phase !== 'genesis') return;
    const what = this.phase === 'genesis' ? 'no GENESIS in time' : 'no AUTH in time';
    this.reject(new TrameError('AUTH_TIMEOUT', what), { kind: 0, ref: ZERO_ID, number: 0 }, 0);
  }

  private loadTimedOut(): void {
    this.authTimer = null;
    if (this.phase !== 'loading') return;
    this.log('warn', 'connection.slow_reader', { loading: true });
    this.reject(
      new TrameError('SLOW_READER', 'initial state not read in time'),
      { kind: 0, ref: ZERO_ID, number: 0 },
      0,
      CloseCode.SlowReader,
    );
  }

  private cleanup(): void {
    if (this.authTimer) clearTimeout(this.authTimer);
    this.authTimer = null;
    this.queued = null;
    this.queuedBytes = 0;
    if (this.ephemeralKey !== null) this.ctx.ephemeral.release(this.ephemeralKey);
    this.ephemeralKey = null;
    this.ctx.hub.untrack(this);
    this.ctx.admission.release(this.address, this.pending, this);
    this.pending = false;
  }
}

const CONNECTION = Symbol('trame.connection');
const EMPTY = new Uint8Array(0);

function onPong(this: WebSocket & { [CONNECTION]?: Connection }): void {
  this[CONNECTION]?.ponged();
}

// A refused frame is still named precisely when it parses, so that a client can tell which of
// its pending frames to send again.
function refOf(raw: Uint8Array): FrameRef {
  try {
    return frameRef(decodeFrame(raw));
  } catch {
    return rawFrameRef(raw);
  }
}
