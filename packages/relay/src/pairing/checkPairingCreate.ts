import type { PairingLimits } from './PairingLimits.js';
import type { PairingVerdict } from './PairingVerdict.js';

/**
 * R100: an OPEN in create mode gets a new channel unless the relay already holds
 * `maxPairingChannels` (UNAVAILABLE: retry later) or the address already created
 * `maxPairingChannelsPerAddress` that are still open (RATE_LIMITED). A null address (loopback
 * behind a proxy that names no client, R60) has no per-address count.
 */
export function checkPairingCreate(
  facts: { channels: number; channelsOfAddress: number | null },
  limits: Pick<PairingLimits, 'maxPairingChannels' | 'maxPairingChannelsPerAddress'>,
): PairingVerdict {
  if (facts.channels >= limits.maxPairingChannels) return 'UNAVAILABLE';
  if (facts.channelsOfAddress !== null && facts.channelsOfAddress >= limits.maxPairingChannelsPerAddress) {
    return 'RATE_LIMITED';
  }
  return null;
}
