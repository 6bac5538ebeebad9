import {
  colourForId,
  DeviceLockError,
  RecoveryError,
  type RecoveryErrorCode,
  type DeviceLockErrorCode,
  type Locale,
  type LocalProfile,
  type ProfileStore,
  type TrameClient,
} from '@trame/workspace';
import { fromHex, toHex } from '@trame/protocol';
import { getLocale } from '$lib/paraglide/runtime.js';
import { openDevice, type Device, type DeviceOpening } from '$lib/device/openDevice';
import { watchIdle } from '$lib/device/watchIdle';
import { exposeDebugHook } from '$lib/debug/exposeDebugHook';
import { generateIdentity, identityFromSecretKey, ready } from '@trame/sync';
import type { SpaceSession } from '$lib/sync/sync';
import { relayUrl } from '$lib/sync/relayUrl';
import { milestone } from '$lib/perf/milestone';

/** DEVICES-3: what this device knows of the recovery phrase (the `recovery` cache entry). */
export interface RecoveryState {
  /** The person wrote the phrase down and its person backup is stored (ADR 0008 point 5). */
  saved: boolean;
  /** "Ne plus me le rappeler". */
  declined: boolean;
  /** When a backup was last stored at the relay (ms), 0 if never. */
  savedAt: number;
  /**
   * The profile backup's keys (hex), kept so the backup follows the spaces joined. Never the
   * phrase: it would open the person backup, hence the person key.
   */
  profileKeys?: { secretKey: string; key: string };
  /** Before ADR 0008 point 5 devices kept the phrase itself; read once, then dropped. */
  phrase?: string | null;
}

/** Where the app is in its start-up. */
export type AppPhase = 'loading' | 'locked' | 'new' | 'ready' | 'failed';

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
  /** DEVICES-4: minutes of inactivity before the app locks itself; null: no passphrase set. */
  lockIdleMinutes = $state<number | null>(null);
  /** DEVICES-4: spaces (id → name) that ask their members' devices to be locked. */
  lockAskedBy = $state.raw<Readonly<Record<string, string>>>({});
  /** DEVICES-3: the recovery phrase on this device (saved, refused, or not yet decided). */
  recovery = $state.raw<RecoveryState>({ saved: false, declined: false, savedAt: 0 });
  /** DEVICES-3: "Plus tard" on the reminder, for this visit. */
  recoveryLater = $state(false);
  private backupTimer: ReturnType<typeof setTimeout> | null = null;
  private device: Device | null = null;
  private locked: Extract<DeviceOpening, { kind: 'locked' }> | null = null;
  private stopIdle: (() => void) | null = null;
  private booting: Promise<void> | null = null;
  private demoting = false;
  private detachClient: (() => void) | null = null;
  private clientCode: Promise<typeof import('./clientCode')> | null = null;

  /**
   * Starts loading the client and the sync engine now, without waiting for the profile (issue
   * 14: their evaluation overlaps with the device's IndexedDB reads). Only for routes whose
   * visitor has a profile, whose shells preload that code anyway (release/routePreloads.mjs).
   */
  preloadClientCode(): void {
    this.loadClientCode().catch(() => {});
  }

  /** The client code module, imported once (a failed import is retried). */
  private loadClientCode(): Promise<typeof import('./clientCode')> {
    const loading = (this.clientCode ??= import('./clientCode'));
    loading.catch(() => {
      if (this.clientCode === loading) this.clientCode = null;
    });
    return loading;
  }

  /** Loads libsodium, the device storage and the profile; idempotent. */
  boot(): Promise<void> {
    this.booting ??= this.doBoot();
    return this.booting;
  }

  /**
   * DEVICES-4: opens a locked device with its passphrase; the error code otherwise
   * (WRONG_PASSPHRASE, LOCK_UNAVAILABLE).
   */
  async unlock(passphrase: string): Promise<DeviceLockErrorCode | null> {
    if (!this.locked) return 'LOCK_UNAVAILABLE';
    const opened = await this.locked.unlock(passphrase);
    if (opened instanceof DeviceLockError) return opened.code;
    this.locked = null;
    await this.opened(opened);
    return null;
  }

  /**
   * DEVICES-4: sets a passphrase on this device. The client stops (unsaved states go to the
   * cache first), the cache is re-encrypted under a new key sealed by the passphrase, and the
   * page reloads: the app then asks for the passphrase, which also checks it was remembered.
   */
  async setPassphrase(passphrase: string, idleMinutes: number): Promise<DeviceLockErrorCode | null> {
    const device = this.deviceOrThrow();
    await this.stopClient();
    const locked = await device.lock(passphrase, idleMinutes);
    if (locked instanceof DeviceLockError) {
      location.reload();
      return locked.code;
    }
    location.reload();
    return null;
  }

  /** DEVICES-4: removes the passphrase (this device opens without it again). */
  async removePassphrase(): Promise<void> {
    await this.deviceOrThrow().removeLock();
    this.stopIdle?.();
    this.lockIdleMinutes = null;
  }

  /** DEVICES-4: changes after how long the app locks itself. */
  async setLockIdle(minutes: number): Promise<void> {
    await this.deviceOrThrow().setIdleMinutes(minutes);
    this.lockIdleMinutes = minutes;
    this.watchIdle();
  }

  /** DEVICES-4: locks now: the client stops and the page reloads, forgetting every key it held. */
  async lockNow(): Promise<void> {
    if (this.lockIdleMinutes === null) return;
    await this.stopClient();
    location.reload();
  }

  /** DEVICES-4: a space says whether it asks its members' devices to be locked. */
  setLockAsked(spaceId: string, name: string, asked: boolean): void {
    if (asked ? this.lockAskedBy[spaceId] === name : !(spaceId in this.lockAskedBy)) return;
    const next = { ...this.lockAskedBy };
    if (asked) next[spaceId] = name;
    else delete next[spaceId];
    this.lockAskedBy = next;
  }

  /**
   * DEVICES-3, ADR 0008 point 5: the person wrote `phrase` down, on the device that holds the
   * person key. The person backup (the person key, the profile) goes to the relay once; then
   * this device links a key of its own in every space and forgets the person key, and only the
   * profile backup's keys stay here: the phrase is the one place the person key remains.
   */
  async saveRecoveryPhrase(phrase: string): Promise<RecoveryErrorCode | null> {
    const profile = this.profile;
    if (!profile) return 'BACKUP_UNAVAILABLE';
    try {
      const { savePersonBackup } = await import('$lib/device/deviceOps');
      const version = Math.max(Date.now(), this.recovery.savedAt + 1);
      const keys = await savePersonBackup(location.origin, profile, phrase, version);
      await this.writeRecovery({
        saved: true,
        declined: false,
        savedAt: version,
        profileKeys: { secretKey: toHex(keys.profile.secretKey), key: toHex(keys.profile.key) },
      });
      await this.uploadBackup();
    } catch (e) {
      return e instanceof RecoveryError ? e.code : 'BACKUP_UNAVAILABLE';
    }
    void this.becomeOwnDevice();
    return null;
  }

  /** DEVICES-3: "Ne plus me le rappeler". */
  async declineRecovery(): Promise<void> {
    await this.writeRecovery({ ...this.recovery, declined: true });
  }

  /**
   * DEVICES-3: a new browser restores identity, spaces and pins from the phrase's backup at the
   * relay; the error code otherwise (PHRASE_INVALID, BACKUP_NOT_FOUND, BACKUP_UNREADABLE…).
   */
  async restore(phrase: string): Promise<RecoveryErrorCode | null> {
    await this.boot();
    try {
      const { restoreFromPhrase } = await import('$lib/device/deviceOps');
      const { profile, keys } = await restoreFromPhrase(location.origin, phrase);
      await this.deviceOrThrow().profiles.save(profile);
      await this.writeRecovery({
        saved: true,
        declined: false,
        savedAt: Date.now(),
        profileKeys: { secretKey: toHex(keys.profile.secretKey), key: toHex(keys.profile.key) },
      });
      // As the person key for now; start() then makes this browser a device of its own, from
      // which the person removes the lost ones (Réglages, "Vos appareils").
      await this.start(profile);
      return null;
    } catch (e) {
      return e instanceof RecoveryError ? e.code : 'BACKUP_UNAVAILABLE';
    }
  }

  /**
   * DEVICES-1: this new device was linked to a person's account: the profile it received (its
   * own device key, the person, name, colour, language, spaces with their pins) becomes its own.
   */
  async adoptLinkedProfile(profile: LocalProfile): Promise<void> {
    await this.boot();
    await this.deviceOrThrow().profiles.save(profile);
    await this.start(profile);
  }

  /** First visit: makes this device's identity and remembers the chosen name (and locks it). */
  async createProfile(displayName: string, lock?: { passphrase: string; idleMinutes: number }): Promise<void> {
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
    if (lock) {
      // Locked before anything of value is written: the WebCrypto-wrapped key made at start
      // never protected the identity.
      const locked = await this.deviceOrThrow().lock(lock.passphrase, lock.idleMinutes);
      if (locked instanceof DeviceLockError) throw locked;
      this.device = locked;
      this.lockIdleMinutes = lock.idleMinutes;
    }
    await this.deviceOrThrow().profiles.save(profile);
    await this.start(profile);
  }

  /** "Forget this device": closes everything and deletes what Trame keeps in this browser. */
  async forgetDevice(): Promise<void> {
    await this.client?.close();
    if (this.locked) await this.locked.forgetAll();
    else await this.deviceOrThrow().forgetAll();
  }

  private async doBoot(): Promise<void> {
    try {
      milestone('boot');
      // Issue 14: libsodium compiles while IndexedDB and WebCrypto read the device key.
      const sodium = ready().then(() => milestone('sodium'));
      const opening = await openDevice(undefined, sodium);
      milestone('device');
      if (opening.kind === 'locked') {
        this.locked = opening;
        this.phase = 'locked';
        return;
      }
      await this.opened(opening.device);
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      this.phase = 'failed';
    }
  }

  private async opened(device: Device): Promise<void> {
    this.device = device;
    this.persistent = device.persistent;
    this.lockIdleMinutes = device.lockIdleMinutes;
    const [profile] = await Promise.all([device.profiles.load(), this.readRecovery()]);
    milestone('profile');
    if (profile) await this.start(profile);
    else this.phase = 'new';
  }

  /** Unsaved document states go to the (encrypted) cache, then every connection closes. */
  private async stopClient(): Promise<void> {
    this.stopIdle?.();
    const client = this.client;
    if (!client) return;
    this.detachClient?.();
    this.detachClient = null;
    await Promise.all(client.openItems().map((i) => i.session.saveNow().catch(() => {})));
    client.leaving();
    await client.close();
  }

  private async readRecovery(): Promise<void> {
    const bytes = await this.deviceOrThrow()
      .cache.get('recovery')
      .catch(() => undefined);
    if (!bytes) return;
    try {
      const state = JSON.parse(new TextDecoder().decode(bytes)) as RecoveryState;
      this.recovery = { ...state, saved: state.saved ?? !!state.phrase };
    } catch {
      /* unreadable: as if never decided */
    }
  }

  private async writeRecovery(state: RecoveryState): Promise<void> {
    this.recovery = state;
    await this.deviceOrThrow().cache.set('recovery', new TextEncoder().encode(JSON.stringify(state)));
  }

  /**
   * A device of an earlier version kept the phrase itself: its person backup is written again
   * (it then held the whole profile) and only the profile backup's keys stay.
   */
  private async forgetKeptPhrase(profile: LocalProfile): Promise<void> {
    const phrase = this.recovery.phrase;
    if (!phrase) return;
    const { recoveryKeys, sealBackup, uploadBackup } = await import('$lib/device/deviceOps');
    const keys = await recoveryKeys(phrase);
    const version = Math.max(Date.now(), this.recovery.savedAt + 1);
    if (profile.personId === undefined)
      await uploadBackup(location.origin, keys.id, await sealBackup(profile, keys, version));
    await this.writeRecovery({
      saved: true,
      declined: this.recovery.declined,
      savedAt: version,
      profileKeys: { secretKey: toHex(keys.profile.secretKey), key: toHex(keys.profile.key) },
    });
  }

  /**
   * ADR 0008 point 5: once the phrase's person backup holds the person key, the device that
   * still holds it becomes a device of its own (a new key linked in every space) and restarts
   * as that device: the person key is then on no device. Offline or refused somewhere: tried
   * again at the next start, nothing changed meanwhile.
   */
  private async becomeOwnDevice(): Promise<void> {
    const client = this.client;
    const profile = this.profile;
    if (!client || !profile || !this.recovery.saved || profile.personId !== undefined) return;
    if (this.demoting) return;
    this.demoting = true;
    try {
      const { deviceNameFrom } = await import('$lib/device/deviceOps');
      const name = profile.deviceName ?? deviceNameFrom(navigator.userAgent, getLocale() === 'en' ? 'en' : 'fr');
      const next = await client.devices.becomeOwnDevice(name);
      await this.stopClient();
      await this.deviceOrThrow().profiles.save(next);
      await this.start(next);
    } catch {
      /* tried again at the next start */
    } finally {
      this.demoting = false;
    }
  }

  /** The profile changed: its backup follows, a few seconds later (one upload for a burst). */
  private scheduleBackup(): void {
    if (!this.recovery.profileKeys) return;
    if (this.backupTimer) clearTimeout(this.backupTimer);
    this.backupTimer = setTimeout(() => void this.uploadBackup().catch(() => {}), 3000);
  }

  /** The profile backup (no secret key) under the keys this device kept (ADR 0008 point 5). */
  private async uploadBackup(): Promise<void> {
    const kept = this.recovery.profileKeys;
    const profile = this.profile;
    if (!kept || !profile) return;
    const { sealProfileBackup, uploadBackup } = await import('$lib/device/deviceOps');
    const secretKey = fromHex(kept.secretKey);
    const keys = {
      id: toHex(secretKey.subarray(32)),
      publicKey: secretKey.subarray(32),
      secretKey,
      key: fromHex(kept.key),
    };
    // Versions only grow (R92): the clock, never below the last one stored from here.
    const version = Math.max(Date.now(), this.recovery.savedAt + 1);
    await uploadBackup(location.origin, keys.id, await sealProfileBackup(profile, keys, version));
    await this.writeRecovery({ ...this.recovery, savedAt: version });
  }

  private watchIdle(): void {
    this.stopIdle?.();
    this.stopIdle = null;
    const minutes = this.lockIdleMinutes;
    if (minutes && this.phase === 'ready') this.stopIdle = watchIdle(minutes, () => void this.lockNow());
  }

  private async start(profile: LocalProfile): Promise<void> {
    // The client and the sync engine are loaded here, not with the layout (issue 14, WEBAPP-3):
    // the welcome screen never needs them before a name is chosen.
    const { TrameClient, sync } = await this.loadClientCode();
    const identity = identityFromSecretKey(profile.secretKey);
    const device = this.deviceOrThrow();
    // Wrap the store so every save made by the client is reflected in the reactive profile.
    const watched: ProfileStore = {
      load: () => device.profiles.load(),
      clear: () => device.profiles.clear(),
      save: async (p) => {
        await device.profiles.save(p);
        this.profile = p;
        this.scheduleBackup();
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
    const offline = () => client.setOnline(false);
    const online = () => client.setOnline(true);
    // Pending work and unsaved document states go to the (encrypted) cache before the tab goes.
    const pagehide = () => client.leaving();
    addEventListener('offline', offline);
    addEventListener('online', online);
    addEventListener('pagehide', pagehide);
    this.detachClient = () => {
      removeEventListener('offline', offline);
      removeEventListener('online', online);
      removeEventListener('pagehide', pagehide);
    };
    exposeDebugHook(client);
    this.client = client;
    this.profile = profile;
    this.phase = 'ready';
    this.watchIdle();
    void this.forgetKeptPhrase(profile)
      .catch(() => {})
      .then(() => this.becomeOwnDevice());
  }

  private deviceOrThrow(): Device {
    if (!this.device) throw new Error('device storage not ready');
    return this.device;
  }
}
