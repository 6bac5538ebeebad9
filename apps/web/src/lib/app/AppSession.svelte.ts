import {
  colourForId,
  IndexedDbProfileStore,
  MemoryProfileStore,
  TrameClient,
  type Locale,
  type LocalProfile,
  type ProfileStore,
  type SpaceSessionLike,
} from '@trame/workspace';
import { toHex } from '@trame/protocol';
import { getLocale } from '$lib/paraglide/runtime.js';
import { generateIdentity, identityFromSecretKey, ready, sync } from '$lib/sync/sync';
import { relayUrl } from '$lib/sync/relayUrl';

/** Where the app is in its start-up. */
export type AppPhase = 'loading' | 'new' | 'ready' | 'failed';

/**
 * The app's one piece of global state: the device profile and the TrameClient built from it.
 * Screens read `app.client`; they never keep their own connection state.
 */
export class AppSession {
  phase = $state<AppPhase>('loading');
  client = $state.raw<TrameClient<SpaceSessionLike> | null>(null);
  profile = $state.raw<LocalProfile | null>(null);
  failure = $state<string | null>(null);
  private store: ProfileStore | null = null;
  private booting: Promise<void> | null = null;

  /** Loads libsodium and the device profile; idempotent. */
  boot(): Promise<void> {
    this.booting ??= this.doBoot();
    return this.booting;
  }

  /** First visit: makes this device's identity and remembers the chosen name. */
  async createProfile(displayName: string): Promise<void> {
    await this.boot();
    const identity = generateIdentity();
    const profile: LocalProfile = {
      version: 1,
      secretKey: identity.secretKey,
      displayName: displayName.trim(),
      colour: colourForId(toHex(identity.publicKey)),
      locale: getLocale() as Locale,
      spaces: [],
      createdAt: Date.now(),
    };
    await this.storeOrThrow().save(profile);
    this.start(profile);
  }

  /** Saves changes made through the client (name, colour, joined spaces) into `profile`. */
  refreshProfile(): void {
    if (this.client) this.profile = this.client.profile;
  }

  private async doBoot(): Promise<void> {
    try {
      await ready();
      this.store = await pickStore();
      const profile = await this.store.load();
      if (profile) this.start(profile);
      else this.phase = 'new';
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      this.phase = 'failed';
    }
  }

  private start(profile: LocalProfile): void {
    const identity = identityFromSecretKey(profile.secretKey);
    const store = this.storeOrThrow();
    // Wrap the store so every save made by the client is reflected in the reactive profile.
    const watched: ProfileStore = {
      load: () => store.load(),
      clear: () => store.clear(),
      save: async (p) => {
        await store.save(p);
        this.profile = p;
      },
    };
    this.client = new TrameClient({ sync, identity, relayUrl: relayUrl(), profile, store: watched });
    this.profile = profile;
    this.phase = 'ready';
  }

  private storeOrThrow(): ProfileStore {
    if (!this.store) throw new Error('profile store not ready');
    return this.store;
  }
}

async function pickStore(): Promise<ProfileStore> {
  // Some private-browsing modes refuse IndexedDB; then the identity lives only in this tab.
  try {
    const store = new IndexedDbProfileStore();
    await store.load();
    return store;
  } catch {
    return new MemoryProfileStore();
  }
}
