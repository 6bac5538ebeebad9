import { LIMITS } from '@trame/protocol';
import { readOpenFileLimit } from '../admission/readOpenFileLimit.js';
import { DEFAULT_PAIRING_LIMITS, type PairingLimits } from '../pairing/PairingLimits.js';

/** Operational limits of a relay (R10, R15). Tests shorten them. */
export interface RelayLimits extends PairingLimits {
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
  /**
   * R60: largest websocket message before AUTH (HELLO and AUTH are under 100 bytes). ws checks
   * the length a frame header announces, so a larger message is refused (close 1009) before
   * its bytes are buffered.
   */
  handshakeMaxPayloadBytes: number;
  /** R60: largest message of an authenticated non-member (GENESIS wait, invite ACCEPT). */
  nonMemberMaxPayloadBytes: number;
  /** R60: time from AUTH to READY before the loading connection is closed (4508). */
  loadTimeoutMs: number;
  /** R60: websocket connections of the whole relay. */
  maxConnections: number;
  /** R60: connections not yet known as members, relay-wide. */
  maxPendingConnections: number;
  /** R60: open connections per client address. */
  maxConnectionsPerAddress: number;
  /** R60: upgrades per second per client address, and burst. */
  handshakesPerSecondPerAddress: number;
  handshakeBurstPerAddress: number;
  /** R63: largest EPHEMERAL frame relayed (an awareness state is well under 1 KiB). */
  ephemeralMaxBytes: number;
  /** R63: EPHEMERAL frames and bytes per second per identity and document, and bursts. */
  ephemeralPerSecond: number;
  ephemeralBurst: number;
  ephemeralBytesPerSecond: number;
  ephemeralBytesBurst: number;
  /**
   * R63: EPHEMERAL frames a connection may have dropped beyond its budget (refilled at
   * `ephemeralPerSecond`) before it is closed with 4529.
   */
  ephemeralDropBurst: number;
  /** R61: initial states held in memory at once per identity, and in total (others wait). */
  maxLoadsPerIdentity: number;
  maxConcurrentLoads: number;
  /** R61: bytes of a tail read from storage at a time for a loading connection. */
  initialStatePageBytes: number;
  /** R65: content and membership bytes per second per connection, and burst (≥ one snapshot). */
  bytesPerSecondPerConnection: number;
  byteBurstPerConnection: number;
  /** R65: the same per identity (all its connections) and per space (all its members). */
  bytesPerSecondPerIdentity: number;
  byteBurstPerIdentity: number;
  bytesPerSecondPerSpace: number;
  byteBurstPerSpace: number;
  /** R65: updates and bytes on one snapshot before a SNAPSHOT is required (COMPACTION_REQUIRED). */
  maxTailUpdates: number;
  maxTailBytes: number;
  /** R67: bytes of frames one space may store (membership log, snapshots, updates); 0: no quota. */
  maxStoredBytesPerSpace: number;
  /** R67: bytes above that quota a SNAPSHOT may still use, so that a full space can compact. */
  storedBytesSnapshotHeadroom: number;
  /** R65: spaces created per hour per client address, and burst (0: nobody may create one). */
  spaceCreationsPerHourPerAddress: number;
  spaceCreationBurstPerAddress: number;
  /** R110 (HISTORY-1): largest version record (head and encrypted state). */
  historyMaxVersionBytes: number;
  /** R110: versions one document keeps after thinning (named ones included). */
  historyMaxVersionsPerDocument: number;
  /** R110: named versions per document (never thinned). */
  historyMaxNamedPerDocument: number;
  /** R110: bytes of versions one space keeps (0: no quota). */
  historyMaxBytesPerSpace: number;
  /** R110: versions (and names) one identity may store per minute, and burst. */
  historyWritesPerMinutePerIdentity: number;
  historyWriteBurstPerIdentity: number;
  /** R105: how far a request's signed time may be from the relay's clock. */
  historyRequestSkewMs: number;
}

// File descriptors kept for /health, the web app, storage and logs whatever the clients do.
const FD_RESERVE = 256;
const maxConnections = Math.max(64, Math.min(50_000, (readOpenFileLimit() ?? 4096) - FD_RESERVE));

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
  handshakeMaxPayloadBytes: 4 * 1024,
  nonMemberMaxPayloadBytes: LIMITS.maxMembershipBytes + 4 * 1024,
  loadTimeoutMs: 120_000,
  maxConnections,
  maxPendingConnections: Math.max(32, Math.floor(maxConnections / 4)),
  maxConnectionsPerAddress: 200,
  handshakesPerSecondPerAddress: 20,
  handshakeBurstPerAddress: 200,
  ephemeralMaxBytes: 16 * 1024,
  ephemeralPerSecond: 30,
  ephemeralBurst: 60,
  ephemeralBytesPerSecond: 64 * 1024,
  ephemeralBytesBurst: 128 * 1024,
  ephemeralDropBurst: 300,
  maxLoadsPerIdentity: 2,
  maxConcurrentLoads: 32,
  initialStatePageBytes: 256 * 1024,
  bytesPerSecondPerConnection: 2 * 1024 * 1024,
  byteBurstPerConnection: 20 * 1024 * 1024,
  bytesPerSecondPerIdentity: 1024 * 1024,
  byteBurstPerIdentity: 20 * 1024 * 1024,
  bytesPerSecondPerSpace: 4 * 1024 * 1024,
  byteBurstPerSpace: 40 * 1024 * 1024,
  maxTailUpdates: 2_000,
  maxTailBytes: 32 * 1024 * 1024,
  maxStoredBytesPerSpace: 1024 * 1024 * 1024,
  storedBytesSnapshotHeadroom: 2 * LIMITS.maxSnapshotBytes,
  spaceCreationsPerHourPerAddress: 30,
  spaceCreationBurstPerAddress: 30,
  historyMaxVersionBytes: LIMITS.maxSnapshotBytes + 16 * 1024,
  historyMaxVersionsPerDocument: 2_000,
  historyMaxNamedPerDocument: 500,
  historyMaxBytesPerSpace: 2 * 1024 * 1024 * 1024,
  historyWritesPerMinutePerIdentity: 12,
  historyWriteBurstPerIdentity: 30,
  historyRequestSkewMs: 5 * 60_000,
  ...DEFAULT_PAIRING_LIMITS,
});
