import type { PairingVerdict } from './PairingVerdict.js';

/**
 * R101: an OPEN in join mode names a channel. No such channel (never made, ended, or past its
 * lifetime: one answer for all, so a guess learns nothing more) is PAIRING_UNKNOWN; a channel
 * that already has its two peers is PAIRING_FULL. Otherwise the joiner becomes the second peer.
 */
export function checkPairingJoin(
  channel: { peers: number; expiresAt: number } | undefined,
  now: number,
): PairingVerdict {
  if (!channel || now >= channel.expiresAt) return 'PAIRING_UNKNOWN';
  if (channel.peers >= 2) return 'PAIRING_FULL';
  return null;
}
