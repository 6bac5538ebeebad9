import { LIMITS } from '@trame/protocol';

/** Operational limits of a relay (R10, R15). Tests shorten them. */
export interface RelayLimits {
  /** Time to complete HELLO/AUTH before AUTH_TIMEOUT (close 4508). */
  authTimeoutMs: number;
  /** Token bucket refill per second, per connection. */
  framesPerSecond: number;
  /** Token bucket size. */
  frameBurst: number;
  /** RATE_LIMITED errors in a row (without calming down) before closing with 4529. */
  rateLimitCloseAfter: number;
  /** Ping period; a connection that has not answered the previous ping is closed (4510). */
  pingIntervalMs: number;
  /** Bytes queued towards a client before it is dropped as a slow reader (4509). */
  maxSendBufferBytes: number;
  /** Largest websocket message accepted; larger ones are refused by ws with close 1009. */
  maxPayloadBytes: number;
  /** After sending a close frame, time before the socket is destroyed anyway. */
  closeGraceMs: number;
  /** `GET /health` reports storage as failing when it does not answer within this time. */
  healthTimeoutMs: number;
}

/** The limits of PROTOCOL.md §5, R15. */
export const DEFAULT_RELAY_LIMITS: Readonly<RelayLimits> = Object.freeze({
  authTimeoutMs: LIMITS.authTimeoutMs,
  framesPerSecond: LIMITS.framesPerSecond,
  frameBurst: LIMITS.frameBurst,
  rateLimitCloseAfter: 200,
  pingIntervalMs: LIMITS.pingIntervalMs,
  maxSendBufferBytes: LIMITS.maxSendBufferBytes,
  maxPayloadBytes: LIMITS.maxFrameBytes + 64 * 1024,
  closeGraceMs: 2_000,
  healthTimeoutMs: 2_000,
});
