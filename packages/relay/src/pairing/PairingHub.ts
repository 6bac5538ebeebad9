import { randomBytes } from 'node:crypto';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  CloseCode,
  decodePairingFrame,
  encodePairingFrame,
  ERROR_CODES,
  isTrameError,
  PAIRING,
  PairingFrameKind,
  PairingMode,
  toHex,
  type ErrorCode,
} from '@trame/protocol';
import type { Admission } from '../admission/Admission.js';
import { KeyedBuckets } from '../limits/KeyedBuckets.js';
import type { Logger } from '../logging/Logger.js';
import { checkPairingCreate } from './checkPairingCreate.js';
import { checkPairingData } from './checkPairingData.js';
import { checkPairingJoin } from './checkPairingJoin.js';
import { pairingEnd } from './pairingEnd.js';
import type { PairingLimits } from './PairingLimits.js';

interface Peer {
  ws: WebSocket;
  address: string | null;
  channel: Channel | null;
  openTimer: ReturnType<typeof setTimeout> | null;
  ended: boolean;
  evict(): void;
}

interface Channel {
  key: string;
  id: Uint8Array;
  peers: Peer[];
  creatorAddress: string | null;
  expiresAt: number;
  messages: number;
  bytes: number;
  timer: ReturnType<typeof setTimeout>;
}

/** What a {@link PairingHub} needs from its relay. */
export interface PairingHubOptions {
  limits: PairingLimits & { authTimeoutMs: number; closeGraceMs: number };
  admission: Admission;
  logger: Logger;
  now: () => number;
}

/**
 * The pairing channel of DEVICES-1 (PROTOCOL.md §11, R100-R103): a meeting point where two
 * devices, one of which created the channel, exchange opaque DATA frames. The relay parses only
 * the two framing bytes and OPEN; it forwards every DATA payload unchanged to the other peer and
 * keeps nothing. Channels live in this process's memory only.
 */
export class PairingHub {
  /** Upgrades on `/pair` are handed to this server (its own message size limit). */
  readonly websocketServer: WebSocketServer;
  private readonly channels = new Map<string, Channel>();
  private readonly createdBy = new Map<string, number>();
  private readonly opens: KeyedBuckets;
  private readonly peers = new Set<Peer>();

  constructor(private readonly o: PairingHubOptions) {
    this.websocketServer = new WebSocketServer({
      noServer: true,
      maxPayload: PAIRING.maxDataBytes + 2,
      perMessageDeflate: false,
      handleProtocols: () => PAIRING.subprotocol,
    });
    this.opens = new KeyedBuckets(o.limits.pairingOpensPerMinutePerAddress / 60, o.limits.pairingOpenBurstPerAddress);
  }

  /** A pairing socket was upgraded (the address was admitted, R60). */
  accept(ws: WebSocket, address: string | null): void {
    ws.binaryType = 'nodebuffer';
    const peer: Peer = {
      ws,
      address,
      channel: null,
      openTimer: null,
      ended: false,
      evict: () => this.fail(peer, 'UNAVAILABLE', CloseCode.Unavailable),
    };
    this.peers.add(peer);
    this.o.admission.opened(peer);
    peer.openTimer = setTimeout(
      () => this.fail(peer, 'AUTH_TIMEOUT', CloseCode.AuthTimeout),
      this.o.limits.authTimeoutMs,
    );
    ws.on('message', (data: RawData, isBinary: boolean) => this.receive(peer, data as Buffer, isBinary));
    ws.on('close', () => this.closed(peer));
    ws.on('error', () => {});
  }

  /** Open pairing sockets. */
  count(): number {
    return this.peers.size;
  }

  /** Open channels (for tests and /metrics). */
  channelCount(): number {
    return this.channels.size;
  }

  /** Forgets quiet addresses' buckets (heartbeat). */
  sweep(): void {
    this.opens.sweep();
  }

  /** Relay shutdown: every pairing socket is closed (4599, retry) and channels forgotten. */
  close(): void {
    for (const peer of [...this.peers]) this.end(peer, CloseCode.ShuttingDown, 'SHUTTING_DOWN');
    for (const ch of this.channels.values()) clearTimeout(ch.timer);
    this.channels.clear();
    this.websocketServer.close();
  }

  /** Relay shutdown, after the grace period: sockets still open are cut. */
  terminate(): void {
    for (const peer of this.peers) peer.ws.terminate();
  }

  private receive(peer: Peer, data: Buffer, isBinary: boolean): void {
    if (peer.ended) return;
    if (!isBinary) return this.fail(peer, 'MALFORMED_FRAME', CloseCode.ProtocolError);
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let frame;
    try {
      frame = decodePairingFrame(bytes);
    } catch (e) {
      const code: ErrorCode = isTrameError(e) ? e.code : 'MALFORMED_FRAME';
      return this.fail(peer, code, code === 'FRAME_TOO_LARGE' ? CloseCode.FrameTooLarge : CloseCode.ProtocolError);
    }
    if (frame.kind === PairingFrameKind.Open && !peer.channel) return this.open(peer, frame.mode, frame.channel);
    if (frame.kind === PairingFrameKind.Data && peer.channel) return this.forward(peer, peer.channel, bytes);
    this.fail(peer, 'UNEXPECTED_FRAME', CloseCode.ProtocolError);
  }

  private open(peer: Peer, mode: number, id: Uint8Array): void {
    if (peer.openTimer) clearTimeout(peer.openTimer);
    peer.openTimer = null;
    // R100, R101: every OPEN, right or wrong, takes a token of its address: guessing codes is slow.
    if (peer.address !== null && this.opens.take(peer.address) > 0) {
      return this.fail(peer, 'RATE_LIMITED', CloseCode.RateLimited);
    }
    const now = this.o.now();
    if (mode === PairingMode.Create) {
      const verdict = checkPairingCreate(
        {
          channels: this.channels.size,
          channelsOfAddress: peer.address === null ? null : (this.createdBy.get(peer.address) ?? 0),
        },
        this.o.limits,
      );
      if (verdict) return this.fail(peer, verdict, closeFor(verdict));
      let fresh: Uint8Array;
      do fresh = new Uint8Array(randomBytes(PAIRING.channelIdBytes));
      while (this.channels.has(toHex(fresh)));
      const ttl = this.o.limits.pairingChannelTtlMs;
      const ch: Channel = {
        key: toHex(fresh),
        id: fresh,
        peers: [peer],
        creatorAddress: peer.address,
        expiresAt: now + ttl,
        messages: 0,
        bytes: 0,
        timer: setTimeout(() => this.tick(ch), ttl),
      };
      ch.timer.unref?.();
      this.channels.set(ch.key, ch);
      if (peer.address !== null) this.createdBy.set(peer.address, (this.createdBy.get(peer.address) ?? 0) + 1);
      peer.channel = ch;
      this.o.logger.log('info', 'pairing.created', {});
      this.status(ch, peer);
      return;
    }
    const ch = this.channels.get(toHex(id));
    const verdict = checkPairingJoin(ch ? { peers: ch.peers.length, expiresAt: ch.expiresAt } : undefined, now);
    if (verdict || !ch) return this.fail(peer, verdict ?? 'PAIRING_UNKNOWN', closeFor(verdict ?? 'PAIRING_UNKNOWN'));
    ch.peers.push(peer);
    peer.channel = ch;
    this.o.logger.log('info', 'pairing.joined', {});
    for (const p of ch.peers) this.status(ch, p);
  }

  private forward(peer: Peer, ch: Channel, frame: Uint8Array): void {
    const payloadBytes = frame.length - 2;
    const verdict = checkPairingData(
      { peers: ch.peers.length, messages: ch.messages, bytes: ch.bytes },
      payloadBytes,
      this.o.limits,
    );
    if (verdict) return this.fail(peer, verdict, closeFor(verdict));
    ch.messages += 1;
    ch.bytes += payloadBytes;
    // R102: the same bytes, to the other peer only.
    for (const other of ch.peers) if (other !== peer && !other.ended) other.ws.send(frame);
  }

  private status(ch: Channel, peer: Peer): void {
    const expiresInMs = Math.max(0, ch.expiresAt - this.o.now());
    peer.ws.send(encodePairingFrame({ kind: 0x31, channel: ch.id, peers: ch.peers.length, expiresInMs }));
  }

  /** R103: the channel's timer; a timer that fires early is set again for the rest. */
  private tick(ch: Channel): void {
    if (this.channels.get(ch.key) !== ch) return;
    const end = pairingEnd(ch, this.o.now(), 'timer');
    if (!end) {
      ch.timer = setTimeout(() => this.tick(ch), Math.max(1, ch.expiresAt - this.o.now()));
      ch.timer.unref?.();
      return;
    }
    this.forget(ch);
    for (const p of ch.peers) this.fail(p, end, CloseCode.ProtocolError);
  }

  private closed(peer: Peer): void {
    peer.ended = true;
    if (peer.openTimer) clearTimeout(peer.openTimer);
    if (this.peers.delete(peer)) this.o.admission.release(peer.address, true, peer);
    const ch = peer.channel;
    if (!ch || this.channels.get(ch.key) !== ch) return;
    // R103: the other device left; the channel is over for the one still there.
    this.forget(ch);
    const end = pairingEnd(ch, this.o.now(), 'peer-closed') ?? 'PAIRING_PEER_LEFT';
    for (const p of ch.peers) if (p !== peer) this.fail(p, end, CloseCode.ProtocolError);
    this.o.logger.log('info', 'pairing.ended', { messages: ch.messages, bytes: ch.bytes });
  }

  private forget(ch: Channel): void {
    clearTimeout(ch.timer);
    if (this.channels.get(ch.key) === ch) this.channels.delete(ch.key);
    else return;
    const a = ch.creatorAddress;
    if (a === null) return;
    const n = (this.createdBy.get(a) ?? 1) - 1;
    if (n > 0) this.createdBy.set(a, n);
    else this.createdBy.delete(a);
  }

  /** Sends the numbered error, then closes (R100-R103: every refusal is typed, then final). */
  private fail(peer: Peer, code: ErrorCode, closeCode: number): void {
    if (peer.ended) return;
    if (peer.ws.readyState === peer.ws.OPEN) peer.ws.send(encodePairingFrame({ kind: 0x33, code: ERROR_CODES[code] }));
    this.o.logger.log('info', 'pairing.refused', { code });
    this.end(peer, closeCode, code);
  }

  private end(peer: Peer, closeCode: number, reason: string): void {
    if (peer.ended) return;
    peer.ended = true;
    if (peer.openTimer) clearTimeout(peer.openTimer);
    try {
      peer.ws.close(closeCode, reason);
    } catch {
      peer.ws.terminate();
    }
    const kill = setTimeout(() => peer.ws.terminate(), this.o.limits.closeGraceMs);
    kill.unref?.();
  }
}

function closeFor(code: ErrorCode): number {
  if (code === 'RATE_LIMITED') return CloseCode.RateLimited;
  if (code === 'UNAVAILABLE') return CloseCode.Unavailable;
  return CloseCode.ProtocolError;
}
