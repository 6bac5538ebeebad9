import type { ErrorCode } from '@trame/protocol';

/**
 * R103: whether, and how, a channel ends for the peers still on it. At its lifetime's end
 * (`expiresAt`, `pairingChannelTtlMs` after creation): PAIRING_EXPIRED. When the other peer's
 * socket closes: PAIRING_PEER_LEFT. Either way the relay forgets the channel at once (a later
 * join is PAIRING_UNKNOWN, R101) and closes the remaining socket after the error.
 */
export function pairingEnd(
  channel: { expiresAt: number },
  now: number,
  event: 'timer' | 'peer-closed',
): ErrorCode | null {
  if (now >= channel.expiresAt) return 'PAIRING_EXPIRED';
  return event === 'peer-closed' ? 'PAIRING_PEER_LEFT' : null;
}
