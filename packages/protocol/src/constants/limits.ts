/**
 * Bounds checked at the edge, before anything else touches a frame (docs/PROTOCOL.md §7).
 * Both the relay and clients enforce them.
 */
export const LIMITS = {
  /** Largest frame of any kind; the websocket layer is configured slightly above it. */
  maxFrameBytes: 16 * 1024 * 1024,
  /** Largest UPDATE frame. Coalesced edits larger than this are published as a SNAPSHOT. */
  maxUpdateBytes: 2 * 1024 * 1024,
  maxSnapshotBytes: 16 * 1024 * 1024,
  maxEphemeralBytes: 64 * 1024,
  maxMembershipBytes: 256 * 1024,
  /** Most distinct authors a snapshot can list clocks for. */
  maxSnapshotAuthors: 4096,
  /** Most sealed keys carried by one membership entry. */
  maxSealedKeys: 4096,
  maxSealedKeyBytes: 8192,
  maxErrorMessageBytes: 256,
  /** Frames per second allowed per connection (token bucket refill) and its burst. */
  framesPerSecond: 200,
  frameBurst: 400,
  /** Time a connection has to complete HELLO/AUTH. */
  authTimeoutMs: 10_000,
  /** Ping interval; a connection that misses one pong is dropped. */
  pingIntervalMs: 30_000,
  /** Bytes queued towards one client before it is dropped as a slow reader. */
  maxSendBufferBytes: 8 * 1024 * 1024,
  /** Tail length after which writers publish a new SNAPSHOT (compaction). */
  compactAfterUpdates: 200,
  compactAfterBytes: 512 * 1024,
} as const;
