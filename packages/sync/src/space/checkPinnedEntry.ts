import { bytesEqual, TrameError } from '@trame/protocol';
import type { MembershipPin } from './MembershipPin.js';

/**
 * R39: an entry at a pinned position must be the pinned one. Returns the typed error for an
 * entry (at `seq`, whose frame hashes to `hash`) that contradicts the pin, or null.
 */
export function checkPinnedEntry(pin: MembershipPin, seq: number, hash: Uint8Array): TrameError | null {
  if (seq === 0 && pin.genesisHash && !bytesEqual(hash, pin.genesisHash)) {
    return new TrameError('MEMBERSHIP_FORK', 'the relay served another genesis than the one this device joined');
  }
  if (seq === pin.seq && !bytesEqual(hash, pin.headHash)) {
    return new TrameError('MEMBERSHIP_FORK', `the relay served another entry at seq ${seq} than the one this device verified`);
  }
  return null;
}
