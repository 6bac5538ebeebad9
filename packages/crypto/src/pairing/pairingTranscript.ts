import { ByteWriter, PAIRING, PAIRING_DOMAIN, type LinkSide } from '@trame/protocol';
import { sha256 } from '../hash/sha256.js';

/** What both devices saw of the exchange, in the order it happened. */
export interface PairingExchange {
  channel: Uint8Array;
  creatorSide: LinkSide;
  commitment: Uint8Array;
  joinerSide: LinkSide;
  joinerKey: Uint8Array;
  creatorKey: Uint8Array;
}

/**
 * R104: the transcript hash `SHA-256("trame/v1/pair-transcript\0" ‖ channel[5] ‖ u8 creatorSide ‖
 * commitment[32] ‖ u8 joinerSide ‖ joinerKey[32] ‖ creatorKey[32])`. Both devices compute it from
 * what they sent and received; it is the same on both only if nobody changed a byte between them.
 */
export function pairingTranscript(x: PairingExchange): Uint8Array {
  const w = new ByteWriter(PAIRING_DOMAIN.transcript.length + 5 + 1 + 32 + 1 + 32 + 32)
    .bytes(PAIRING_DOMAIN.transcript)
    .fixed(x.channel, PAIRING.channelIdBytes)
    .u8(x.creatorSide)
    .fixed(x.commitment, 32)
    .u8(x.joinerSide)
    .fixed(x.joinerKey, 32)
    .fixed(x.creatorKey, 32);
  return sha256(w.finish());
}
