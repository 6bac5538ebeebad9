import { generateIdentity, ready } from '@trame/crypto';
import { TrameClient } from '../client/TrameClient.js';
import { MemoryProfileStore } from '../local/MemoryProfileStore.js';
import type { FakeRelay } from './FakeRelay.js';
import type { FakeSpaceSession } from './FakeSpaceSession.js';

/** A TrameClient over the fake relay, with a fresh identity; `forgotten` records erased spaces. */
export async function fakeClient(
  relay: FakeRelay,
  name: string,
): Promise<{ client: TrameClient<FakeSpaceSession>; forgotten: string[]; store: MemoryProfileStore }> {
  await ready();
  const identity = generateIdentity();
  const store = new MemoryProfileStore();
  const forgotten: string[] = [];
  const client = new TrameClient<FakeSpaceSession>({
    sync: relay.api(),
    identity,
    relayUrl: 'ws://fake/ws',
    profile: {
      version: 1,
      secretKey: identity.secretKey,
      displayName: name,
      colour: '#2f6fde',
      locale: 'fr',
      spaces: [],
      createdAt: 0,
    },
    store,
    saveTimeoutMs: 50,
    forgetSpace: async (id) => {
      forgotten.push(id);
    },
  });
  return { client, forgotten, store };
}
