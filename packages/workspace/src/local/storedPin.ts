import { fromHex, toHex } from '@trame/protocol';
import type { MembershipPin } from '../sync/SyncApi.js';
import type { JoinedSpace } from './LocalProfile.js';

/** R39: a pin as the profile stores it (hex), or undefined when there is nothing to keep yet. */
export function pinToStoredPin(pin: MembershipPin | null): JoinedSpace['pin'] {
  if (!pin?.genesisHash) return undefined;
  return { genesisHash: toHex(pin.genesisHash), seq: pin.seq, headHash: toHex(pin.headHash) };
}

/** R39: the profile's pin as the sync layer takes it. */
export function storedPinToPin(stored: JoinedSpace['pin']): MembershipPin | null {
  if (!stored) return null;
  return { genesisHash: fromHex(stored.genesisHash), seq: stored.seq, headHash: fromHex(stored.headHash) };
}
