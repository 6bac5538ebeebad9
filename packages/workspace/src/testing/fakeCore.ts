import { generateIdentity, ready, type Identity } from '@trame/crypto';
import { toHex } from '@trame/protocol';
import type { ClientCore } from '../client/ClientCore.js';
import { buildClientCore } from '../client/buildClientCore.js';
import { ProfileKeeper } from '../client/profile/ProfileKeeper.js';
import { SpaceRegistry } from '../client/spaces/SpaceRegistry.js';
import type { JoinedSpace, StoredChainLink } from '../local/LocalProfile.js';
import { MemoryProfileStore } from '../local/MemoryProfileStore.js';
import type { FakeRelay } from './FakeRelay.js';
import type { FakeSpaceSession } from './FakeSpaceSession.js';

/**
 * A client core over the fake relay, without the TrameClient facade: what the commands in
 * client/ run over in their unit tests. `forgotten` records spaces erased from the device.
 */
export async function fakeCore(
  relay: FakeRelay,
  name: string,
  o: {
    identity?: Identity;
    now?: () => number;
    personId?: string;
    deviceName?: string;
    spaces?: JoinedSpace[];
    deviceChain?: StoredChainLink[];
  } = {},
): Promise<{
  core: ClientCore<FakeSpaceSession>;
  registry: SpaceRegistry<FakeSpaceSession>;
  profile: ProfileKeeper;
  store: MemoryProfileStore;
  identity: Identity;
  forgotten: string[];
}> {
  await ready();
  const identity = o.identity ?? generateIdentity();
  const store = new MemoryProfileStore();
  const forgotten: string[] = [];
  const profile = new ProfileKeeper(
    {
      version: 1,
      secretKey: identity.secretKey,
      displayName: name,
      colour: '#2f6fde',
      locale: 'fr',
      spaces: o.spaces ?? [],
      createdAt: 0,
      ...(o.personId ? { personId: o.personId } : {}),
      ...(o.deviceName ? { deviceName: o.deviceName } : {}),
      ...(o.deviceChain ? { deviceChain: o.deviceChain } : {}),
    },
    store,
  );
  const myId = toHex(identity.publicKey);
  const sync = relay.api();
  const registry = new SpaceRegistry<FakeSpaceSession>({
    sync,
    identity,
    relayUrl: 'ws://fake/ws',
    profile,
    me: () => ({ id: myId, name: profile.current.displayName, colour: profile.current.colour }),
    forgetSpace: async (id) => {
      forgotten.push(id);
    },
  });
  const core = buildClientCore({ sync, myId, registry, profile, now: o.now ?? Date.now, saveTimeoutMs: 50 });
  return { core, registry, profile, store, identity, forgotten };
}
