import { chainToStored, storedToChain } from '../../local/storedChain.js';
import type { StoredChainLink } from '../../local/LocalProfile.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { chainForDevice } from './chainForDevice.js';

/**
 * R120: the chain (hex, as the link message carries it) this device hands a device it links;
 * null when it cannot certify (`chainForDevice`).
 */
export function certifyForLink<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  myChain: readonly StoredChainLink[] | null,
  devicePublicKey: Uint8Array,
): StoredChainLink[] | null {
  const chain = chainForDevice(
    {
      identity: core.connectOptions().identity,
      personId: core.personId,
      myChain: myChain ? storedToChain(myChain) : null,
    },
    devicePublicKey,
  );
  return chain ? chainToStored(chain) : null;
}
