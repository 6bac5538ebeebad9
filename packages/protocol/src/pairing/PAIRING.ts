/**
 * The pairing channel (DEVICES-1, PROTOCOL.md §11): two devices meet at the relay on a short
 * random channel id and exchange opaque messages. Its own websocket path, subprotocol and
 * version byte: it is not a document connection and does not follow PROTOCOL_VERSION.
 */
export const PAIRING = {
  /** Version byte of every pairing frame. */
  version: 1,
  /** Websocket subprotocol a pairing upgrade must offer (R100). */
  subprotocol: 'trame-pair.1',
  /** Websocket path of the channel, on the relay's own origin. */
  path: '/pair',
  /** Bytes of a channel id: 40 bits, 8 characters of the typed code. */
  channelIdBytes: 5,
  /** Largest payload of one DATA frame (R102). */
  maxDataBytes: 64 * 1024,
} as const;

/** Second byte of a pairing frame. */
export const PairingFrameKind = {
  /** client → relay: create a channel, or join one (R100, R101). */
  Open: 0x30,
  /** relay → client: the channel id, how many peers are there, and how long it still lives. */
  Status: 0x31,
  /** both: opaque bytes, forwarded unchanged to the other peer (R102). */
  Data: 0x32,
  /** relay → client: a numbered error; the relay closes the socket after it. */
  Error: 0x33,
} as const;

/** OPEN's mode byte. */
export const PairingMode = {
  Create: 1,
  Join: 2,
} as const;

export type PairingMode = (typeof PairingMode)[keyof typeof PairingMode];
