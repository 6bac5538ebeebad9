import { colourForId, TrameClient, type Locale, type LocalProfile, type ProfileStore } from '@trame/workspace';
import { toHex } from '@trame/protocol';
import { getLocale } from '$lib/paraglide/runtime.js';
import { openDevice, type Device } from '$lib/device/openDevice';
import { exposeDebugHook } from '$lib/debug/exposeDebugHook';
import { generateIdentity, identityFromSecretKey, ready, sync, type SpaceSession } from '$lib/sync/sync';
import { relayUrl } from '$lib/sync/relayUrl';
import { milestone } from '$lib/perf/milestone';

/** Where the app is in its start-up. */
export type AppPhase = 'loading' | 'new' | 'ready' | 'failed';

/**
 * The app's one piece of global state: the device storage, the profile and the TrameClient
 * built from them. Screens read `app.client`; they never keep their own connection state.
 */
export class AppSession {
  phase = $state<AppPhase>('loading');
  client = $state.raw<TrameClient<SpaceSession> | null>(null);
  profile = $state.raw<LocalProfile | null>(null);
  failure = $state<string | null>(null);
  /** False when this browser keeps nothing (IndexedDB refused): the settings say so. */
  persistent = $state(true);
  private device: Device | null = null;
  private booting: Promise<void> | null = null;

  /** Loads libsodium, the device storage and the profile; idempotent. */
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
    await this.deviceOrThrow().profiles.save(profile);
    this.start(profile);
  }

  /** "Forget this device": closes everything and deletes what Trame keeps in this browser. */
  async forgetDevice(): Promise<void> {
    await this.client?.close();
    await this.deviceOrThrow().forgetAll();
  }

  private async doBoot(): Promise<void> {
    try {
      milestone('boot');
      await ready();
      milestone('sodium');
      this.device = await openDevice();
      milestone('device');
      this.persistent = this.device.persistent;
      const profile = await this.device.profiles.load();
      milestone('profile');
      if (profile) this.start(profile);
      else this.phase = 'new';
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      this.phase = 'failed';
    }
  }

  private start(profile: LocalProfile): void {
    const identity = identityFromSecretKey(profile.secretKey);
    const device = this.deviceOrThrow();
    // Wrap the store so every save made by the client is reflected in the reactive profile.
    const watched: ProfileStore = {
      load: () => device.profiles.load(),
      clear: () => device.profiles.clear(),
      save: async (p) => {
        await device.profiles.save(p);
        this.profile = p;
      },
    };
    const client = new TrameClient<SpaceSession>({
      sync,
      identity,
      relayUrl: relayUrl(),
      profile,
      store: watched,
      cache: device.cache,
      headStore: device.heads,
      forgetSpace: (id) => device.forgetSpace(id),
    });
    // The browser knows first when the network goes: documents drop their sockets at once and
    // say "Hors ligne", instead of waiting for a dead connection to time out.
    client.setOnline(navigator.onLine);
    addEventListener('offline', () => client.setOnline(false));
    addEventListener('online', () => client.setOnline(true));
    // Pending work and unsaved document states go to the (encrypted) cache before the tab goes.
    addEventListener('pagehide', () => client.leaving());
    exposeDebugHook(client);
    this.client = client;
    this.profile = profile;
    this.phase = 'ready';
  }

  private deviceOrThrow(): Device {
    if (!this.device) throw new Error('device storage not ready');
    return this.device;
  }
}
