import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { bytesEqual, CloseCode, decodeFrame, fromHex, toHex, TrameError, type MembershipFrame } from '@trame/protocol';
import { withTimeout } from '../concurrency/withTimeout.js';
import type { LiveFrame } from '../hub/LiveFrame.js';
import type { Peer } from '../hub/Peer.js';
import type { Logger } from '../logging/Logger.js';
import { silentLogger } from '../logging/silentLogger.js';
import type { CommitLog } from './CommitLog.js';
import { decodeFanoutMessage } from './decodeFanoutMessage.js';
import { encodeFanoutMessage } from './encodeFanoutMessage.js';
import type { Fanout, FanoutHealth, FanoutHost, InitialPositionSeqs } from './Fanout.js';
import type { FanoutMessage } from './FanoutMessage.js';
import { liveFrameOf } from './liveFrameOf.js';
import { lostAccessOf } from './lostAccessOf.js';
import { SequencedRoom, type SequencedEntry } from './SequencedRoom.js';

/** Options of {@link RedisFanout.open}. */
export interface RedisFanoutOptions {
  /** `redis://host:port/db`. */
  url: string;
  /** Durable storage shared by the instances (`PostgresStorage`): gaps are filled from it. */
  commitLog: CommitLog;
  /** Prefix of every channel name, so that several deployments can share one Redis. Default `trame:`. */
  prefix?: string;
  logger?: Logger;
  /** How long a gap in a room's sequence may stay open before storage is read. Default 100 ms. */
  gapWaitMs?: number;
  /** Period of the check of every room's head against storage (also prunes idle rooms). Default 1000 ms. */
  pollIntervalMs?: number;
  /** Frames larger than this cross Redis as a reference and are read from storage. Default 256 KiB. */
  inlineLimitBytes?: number;
  /** Longest wait for Redis (connect, subscribe, ping). Default 3000 ms. */
  timeoutMs?: number;
  /** Keep retrying to reach Redis at start-up for this long. Default 0 (fail at once). */
  startupRetryMs?: number;
}

interface RoomState {
  kind: 'document' | 'space';
  channel: string;
  spaceKey: string;
  docKey: string | null;
  /** Resolves once subscribed and positioned on storage's head. */
  ready: Promise<SequencedRoom>;
  room: SequencedRoom | null;
  /** Messages received between SUBSCRIBE and the baseline read. */
  early: Array<[number, SequencedEntry]>;
  /** Connections still joining (the room is not pruned meanwhile). */
  joining: number;
}

/**
 * Fan-out between relay instances over Redis pub/sub (ADR 0002). Each instance subscribes to
 * one channel per document and per space that has connections on it; a committed frame is
 * published once with its commit seq, and every instance delivers it to its own connections
 * in seq order through a {@link SequencedRoom}, reading from PostgreSQL whatever it missed.
 * Redis holds nothing: pub/sub keeps no message, so awareness and ciphertext only pass through.
 */
export class RedisFanout implements Fanout {
  readonly kind = 'redis';
  private host: FanoutHost | null = null;
  private readonly instance = new Uint8Array(randomBytes(8));
  private readonly rooms = new Map<string, RoomState>();
  private readonly poller: NodeJS.Timeout;
  private polling = false;
  private closed = false;
  private readonly prefix: string;
  private readonly logger: Logger;
  private readonly gapWaitMs: number;
  private readonly inlineLimit: number;
  private readonly timeoutMs: number;

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly options: RedisFanoutOptions,
  ) {
    this.prefix = options.prefix ?? 'trame:';
    this.logger = options.logger ?? silentLogger;
    this.gapWaitMs = options.gapWaitMs ?? 100;
    this.inlineLimit = options.inlineLimitBytes ?? 256 * 1024;
    this.timeoutMs = options.timeoutMs ?? 3000;
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.received(channel.toString(), message));
    const down = { publisher: false, subscriber: false };
    for (const [name, conn] of [
      ['publisher', pub],
      ['subscriber', sub],
    ] as const) {
      conn.on('error', (e: Error) => {
        if (!down[name]) this.logger.log('warn', 'redis.error', { connection: name, error: e.message });
      });
      conn.on('close', () => {
        if (!this.closed && !down[name]) this.logger.log('warn', 'redis.disconnected', { connection: name });
        down[name] = true;
      });
      conn.on('ready', () => {
        if (!down[name]) return;
        down[name] = false;
        this.logger.log('info', 'redis.reconnected', { connection: name, rooms: this.rooms.size });
        // The subscriber is subscribed again (ioredis autoResubscribe), but what was published
        // meanwhile is lost: every room compares its position with storage's head now.
        if (name === 'subscriber') void this.poll(0);
      });
    }
    this.poller = setInterval(() => void this.poll(), options.pollIntervalMs ?? 1000);
    this.poller.unref();
  }

  /** Connects the publisher and the subscriber. */
  static async open(options: RedisFanoutOptions): Promise<RedisFanout> {
    const timeoutMs = options.timeoutMs ?? 3000;
    const common: RedisOptions = {
      lazyConnect: true,
      connectTimeout: timeoutMs,
      // Reconnect quickly and for ever: the relay refuses writes until Redis is back.
      retryStrategy: (times) => Math.min(100 * times, 1000),
      maxRetriesPerRequest: 1,
    };
    // The publisher fails fast when disconnected (no offline queue): the frame is already
    // committed and storage is the fallback; a queue would only delay the error.
    const pub = new Redis(options.url, { ...common, enableOfflineQueue: false, connectionName: 'trame-relay-pub' });
    const sub = new Redis(options.url, { ...common, autoResubscribe: true, connectionName: 'trame-relay-sub' });
    for (const conn of [pub, sub]) conn.on('error', () => {});
    const deadline = Date.now() + (options.startupRetryMs ?? 0);
    for (;;) {
      try {
        await Promise.all([
          pub.status === 'ready' ? null : pub.connect(),
          sub.status === 'ready' ? null : sub.connect(),
        ]);
        break;
      } catch (e) {
        if (Date.now() >= deadline) {
          pub.disconnect();
          sub.disconnect();
          throw e;
        }
        options.logger?.log('warn', 'redis.unreachable_at_start', {
          error: e instanceof Error ? e.message : 'unknown',
        });
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    return new RedisFanout(pub, sub, options);
  }

  attach(host: FanoutHost): void {
    if (this.host) throw new Error('this fan-out already serves a relay');
    this.host = host;
  }

  private get h(): FanoutHost {
    if (!this.host) throw new Error('fan-out not attached to a relay');
    return this.host;
  }

  private get up(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  checkWritable(): void {
    if (!this.up) throw new TrameError('UNAVAILABLE', 'fan-out (Redis) unavailable, retry later');
  }

  async join(spaceKey: string, docKey: string | null): Promise<void> {
    await Promise.all([this.enter(spaceKey, null), docKey === null ? null : this.enter(spaceKey, docKey)]);
  }

  async settle(spaceKey: string, docKey: string | null, at: InitialPositionSeqs): Promise<void> {
    const space = this.rooms.get(this.channelOf(spaceKey, null))?.room;
    const doc = docKey === null ? null : this.rooms.get(this.channelOf(spaceKey, docKey))?.room;
    await Promise.all([
      space?.reach(at.membershipSeq),
      doc && at.documentSeq !== undefined ? doc.reach(at.documentSeq) : null,
    ]);
  }

  publishDocument(spaceKey: string, docKey: string, frame: LiveFrame, seq: number | undefined, origin: Peer): void {
    if (seq === undefined) throw new Error('the Redis fan-out needs storage that numbers commits (PostgreSQL)');
    const channel = this.channelOf(spaceKey, docKey);
    this.rooms.get(channel)?.room?.offer(seq, { frame, origin });
    this.publish(channel, frame.raw.length > this.inlineLimit ? 'reference' : 'frame', seq, frame.raw);
  }

  publishEphemeral(spaceKey: string, docKey: string, frame: LiveFrame, origin: Peer): void {
    for (const peer of this.h.documentPeers(spaceKey, docKey)) if (peer !== origin) peer.deliver(frame);
    // Awareness is best effort: when Redis is down it stays on this instance.
    if (this.up) this.publish(this.channelOf(spaceKey, docKey), 'ephemeral', 0, frame.raw);
  }

  publishMembership(
    spaceKey: string,
    frame: LiveFrame & { kind: 'membership' },
    lostAccess: readonly string[],
    origin: Peer,
  ): void {
    const channel = this.channelOf(spaceKey, null);
    this.rooms.get(channel)?.room?.offer(frame.seq, { frame, origin, lostAccess });
    this.publish(channel, frame.raw.length > this.inlineLimit ? 'reference' : 'frame', frame.seq, frame.raw);
    // R33/R98 across instances: the others cannot tell a removed person's devices from the
    // entry alone, so the list this instance's fold computed goes with it.
    if (lostAccess.length > 0) this.publish(channel, 'revoke', frame.seq, Buffer.from(lostAccess.join(''), 'hex'));
  }

  async health(): Promise<FanoutHealth> {
    const rooms = this.rooms.size;
    try {
      const pong = await withTimeout(this.pub.ping(), this.timeoutMs, 'redis ping');
      return {
        ok: pong === 'PONG' && this.sub.status === 'ready',
        kind: this.kind,
        subscriber: this.sub.status,
        rooms,
      };
    } catch (e) {
      return {
        ok: false,
        kind: this.kind,
        error: e instanceof Error ? e.message : 'unknown',
        subscriber: this.sub.status,
        rooms,
      };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.poller);
    for (const state of this.rooms.values()) state.room?.dispose();
    this.rooms.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private channelOf(spaceKey: string, docKey: string | null): string {
    return docKey === null ? `${this.prefix}space:${spaceKey}` : `${this.prefix}doc:${spaceKey}:${docKey}`;
  }

  private publish(channel: string, type: FanoutMessage['type'], seq: number, raw: Uint8Array): void {
    const message = encodeFanoutMessage({
      type,
      origin: this.instance,
      seq,
      raw: type === 'reference' ? new Uint8Array(0) : raw,
    });
    // Publishes leave in commit order on this one connection. A lost one is a gap that the
    // other instances fill from storage (next frame, poll, or reconnection).
    this.pub.publish(channel, message).catch((e: unknown) => {
      this.logger.log('warn', 'redis.publish_failed', { error: e instanceof Error ? e.message : 'unknown' });
    });
  }

  private async enter(spaceKey: string, docKey: string | null): Promise<void> {
    const channel = this.channelOf(spaceKey, docKey);
    let state = this.rooms.get(channel);
    if (!state) {
      const created: RoomState = {
        kind: docKey === null ? 'space' : 'document',
        channel,
        spaceKey,
        docKey,
        ready: Promise.resolve(null as unknown as SequencedRoom),
        room: null,
        early: [],
        joining: 0,
      };
      created.ready = this.open(created);
      this.rooms.set(channel, created);
      created.ready.catch(() => {
        if (this.rooms.get(channel) === created) this.rooms.delete(channel);
        // A SUBSCRIBE still queued would otherwise outlive its room.
        this.sub.unsubscribe(channel).catch(() => {});
      });
      state = created;
    }
    state.joining += 1;
    try {
      await state.ready;
    } finally {
      state.joining -= 1;
    }
  }

  /** SUBSCRIBE, then read the head: everything committed after it arrives on the channel. */
  private async open(state: RoomState): Promise<SequencedRoom> {
    this.checkWritable();
    await withTimeout(this.sub.subscribe(state.channel), this.timeoutMs, 'redis subscribe');
    const log = this.options.commitLog;
    const spaceId = fromHex(state.spaceKey);
    let cursor: number;
    if (state.docKey === null) cursor = (await log.spaceSeqs([spaceId])).get(state.spaceKey) ?? -1;
    else {
      const docId = fromHex(state.docKey);
      cursor = (await log.documentSeqs([[spaceId, docId]])).get(state.spaceKey + state.docKey) ?? 0;
    }
    const room = this.createRoom(state, cursor);
    state.room = room;
    for (const [seq, entry] of state.early.splice(0)) room.offer(seq, entry);
    return room;
  }

  private createRoom(state: RoomState, cursor: number): SequencedRoom {
    const { spaceKey, docKey } = state;
    const log = this.options.commitLog;
    const spaceId = fromHex(spaceKey);
    const docId = docKey === null ? null : fromHex(docKey);
    return new SequencedRoom({
      cursor,
      gapWaitMs: this.gapWaitMs,
      entryOf: (raw) => ({ frame: liveFrameOf(raw), origin: null }),
      fetch: (after) =>
        docId === null ? log.membershipAfter(spaceId, after) : log.documentFramesAfter(spaceId, docId, after),
      exclusive: (task) =>
        docKey === null ? this.h.inSpaceQueue(spaceKey, task) : this.h.inDocumentQueue(spaceKey, docKey, task),
      deliver: (entry) =>
        docKey === null ? this.deliverToSpace(spaceKey, entry) : this.deliverToDocument(spaceKey, docKey, entry),
      onError: (e) =>
        this.logger.log('warn', 'fanout.catch_up_failed', {
          space: spaceKey,
          ...(docKey ? { doc: docKey } : {}),
          error: e instanceof Error ? e.message : 'unknown',
        }),
    });
  }

  private deliverToDocument(spaceKey: string, docKey: string, entry: SequencedEntry): void {
    for (const peer of this.h.documentPeers(spaceKey, docKey)) if (peer !== entry.origin) peer.deliver(entry.frame);
    // Committed in PostgreSQL before it was published: durable already (R47).
    this.h.durableDelivered?.(spaceKey, docKey);
  }

  private deliverToSpace(spaceKey: string, entry: SequencedEntry): void {
    const peers = this.h.spacePeers(spaceKey);
    for (const peer of peers) if (peer !== entry.origin) peer.deliver(entry.frame);
    const lost = new Set(entry.lostAccess ?? lostAccessOf(decodeFrame(entry.frame.raw) as MembershipFrame));
    if (lost.size === 0) return;
    // R33 across instances: a REMOVE accepted elsewhere closes the removed identity here too.
    for (const peer of peers) if (lost.has(peer.identityKey)) peer.close(CloseCode.Forbidden, 'NOT_A_MEMBER');
  }

  /** Closes this instance's connections of identities that lost access elsewhere (R33, R98). */
  private revoke(spaceKey: string, keys: Uint8Array): void {
    if (keys.length % 32 !== 0) return;
    const lost = new Set<string>();
    for (let i = 0; i < keys.length; i += 32) lost.add(toHex(keys.subarray(i, i + 32)));
    for (const peer of this.h.spacePeers(spaceKey)) {
      if (lost.has(peer.identityKey)) peer.close(CloseCode.Forbidden, 'NOT_A_MEMBER');
    }
  }

  private received(channel: string, message: Buffer): void {
    const state = this.rooms.get(channel);
    if (!state || this.closed) return;
    const m = decodeFanoutMessage(message);
    if (!m || bytesEqual(m.origin, this.instance)) return;
    try {
      if (m.type === 'revoke') {
        this.revoke(state.spaceKey, m.raw);
        return;
      }
      if (m.type === 'ephemeral') {
        if (state.docKey === null) return;
        const frame = liveFrameOf(m.raw);
        for (const peer of this.h.documentPeers(state.spaceKey, state.docKey)) peer.deliver(frame);
        return;
      }
      if (m.type === 'reference') {
        state.room?.noteCommitted(m.seq, 0);
        return;
      }
      const entry: SequencedEntry = { frame: liveFrameOf(m.raw), origin: null };
      if (state.room) state.room.offer(m.seq, entry);
      else state.early.push([m.seq, entry]);
    } catch (e) {
      this.logger.log('warn', 'fanout.bad_message', { error: e instanceof Error ? e.message : 'unknown' });
    }
  }

  /**
   * Every `pollIntervalMs` (and after Redis comes back): rooms without connections are left,
   * and each room's position is compared with storage's head, so that a frame whose message was
   * lost (and that no later frame revealed) is still delivered, within about a second.
   */
  private async poll(waitMs = this.gapWaitMs): Promise<void> {
    if (this.polling || this.closed || !this.host) return;
    this.polling = true;
    try {
      const docs: RoomState[] = [];
      const spaces: RoomState[] = [];
      for (const state of [...this.rooms.values()]) {
        if (!state.room) continue;
        const peers =
          state.docKey === null
            ? this.h.spacePeers(state.spaceKey)
            : this.h.documentPeers(state.spaceKey, state.docKey);
        if (peers.length === 0 && state.joining === 0) {
          this.rooms.delete(state.channel);
          state.room.dispose();
          this.sub.unsubscribe(state.channel).catch(() => {});
          continue;
        }
        (state.docKey === null ? spaces : docs).push(state);
      }
      const log = this.options.commitLog;
      const [docSeqs, spaceSeqs] = await Promise.all([
        log.documentSeqs(docs.map((s) => [fromHex(s.spaceKey), fromHex(s.docKey!)] as const)),
        log.spaceSeqs(spaces.map((s) => fromHex(s.spaceKey))),
      ]);
      for (const s of docs) {
        const seq = docSeqs.get(s.spaceKey + s.docKey);
        if (seq !== undefined) s.room?.noteCommitted(seq, waitMs);
      }
      for (const s of spaces) {
        const seq = spaceSeqs.get(s.spaceKey);
        if (seq !== undefined) s.room?.noteCommitted(seq, waitMs);
      }
    } catch (e) {
      this.logger.log('warn', 'fanout.poll_failed', { error: e instanceof Error ? e.message : 'unknown' });
    } finally {
      this.polling = false;
    }
  }
}
