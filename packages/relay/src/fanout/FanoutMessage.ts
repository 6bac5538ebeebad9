/**
 * One message on a Redis channel. `frame` carries the committed frame with its sequence number;
 * `reference` only says that `seq` was committed (frames over the inline limit are read from
 * PostgreSQL instead of crossing Redis); `ephemeral` carries awareness, unsequenced.
 */
export interface FanoutMessage {
  type: 'frame' | 'reference' | 'ephemeral';
  /** Random id of the publishing instance, which ignores its own messages. */
  origin: Uint8Array;
  /** Document commit seq, or membership seq; 0 for ephemeral frames. */
  seq: number;
  /** Empty for `reference`. */
  raw: Uint8Array;
}
