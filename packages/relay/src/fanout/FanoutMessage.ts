/**
 * One message on a Redis channel. `frame` carries the committed frame with its sequence number;
 * `reference` only says that `seq` was committed (frames over the inline limit are read from
 * PostgreSQL instead of crossing Redis); `ephemeral` carries awareness, unsequenced; `revoke`
 * lists the identities (32-byte keys, concatenated) that lost access with membership entry
 * `seq`, as the accepting instance's fold computed them: the entry alone does not name a
 * removed person's linked devices (R98).
 */
export interface FanoutMessage {
  type: 'frame' | 'reference' | 'ephemeral' | 'revoke';
  /** Random id of the publishing instance, which ignores its own messages. */
  origin: Uint8Array;
  /** Document commit seq, or membership seq; 0 for ephemeral frames. */
  seq: number;
  /** Empty for `reference`. */
  raw: Uint8Array;
}
