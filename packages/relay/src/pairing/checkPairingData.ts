import type { PairingLimits } from './PairingLimits.js';
import type { PairingVerdict } from './PairingVerdict.js';

/**
 * R102: a DATA frame is forwarded, unchanged, only once the channel has both peers
 * (UNEXPECTED_FRAME before), and only while the channel stays within
 * `maxPairingMessagesPerChannel` frames and `maxPairingBytesPerChannel` payload bytes over its
 * life (RATE_LIMITED). A payload over 64 KiB never gets here (FRAME_TOO_LARGE at decoding).
 */
export function checkPairingData(
  channel: { peers: number; messages: number; bytes: number },
  payloadBytes: number,
  limits: Pick<PairingLimits, 'maxPairingMessagesPerChannel' | 'maxPairingBytesPerChannel'>,
): PairingVerdict {
  if (channel.peers < 2) return 'UNEXPECTED_FRAME';
  if (channel.messages + 1 > limits.maxPairingMessagesPerChannel) return 'RATE_LIMITED';
  if (channel.bytes + payloadBytes > limits.maxPairingBytesPerChannel) return 'RATE_LIMITED';
  return null;
}
