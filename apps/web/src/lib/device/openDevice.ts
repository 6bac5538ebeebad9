import {
  CACHE_DB_NAME,
  CacheProfileStore,
  DEVICE_DB_NAME,
  forgetSpaceEntries,
  IndexedDbCache,
  IndexedDbProfileStore,
  loadDeviceKey,
  MemoryProfileStore,
  readDeviceLock,
  DeviceLockError,
  type HeadStore,
  type LocalCache,
  type ProfileStore,
} from '@trame/workspace';
import { EncryptedCache, MemoryCache, PersistentHeadStore } from '@trame/sync';

/** What this browser keeps for Trame, all of it encrypted at rest. */
export interface Device {
  /** The encrypted cache handed to @trame/sync (space logs, documents, unsaved edits). */
  cache: LocalCache;
  /** Document heads kept across reloads, so a relay cannot roll a document back unnoticed. */
  heads: HeadStore;
  /** The profile (identity key, name, joined spaces), one encrypted entry of the cache. */
  profiles: ProfileStore;
  /** Deletes the cache's entries of a space (after this identity was removed from it). */
  forgetSpace(spaceId: string): Promise<void>;
  /** "Forget this device": deletes every database Trame made in this browser. */
  forgetAll(): Promise<void>;
  /** False when the browser refused IndexedDB (some private modes): nothing survives the tab. */
  persistent: boolean;
  /** DEVICES-4: minutes of inactivity before the app locks itself; null when no passphrase is set. */
  lockIdleMinutes: number | null;
  /**
   * Sets a passphrase: a new device key, sealed under Argon2id, the cache re-encrypted under it.
   * Nothing may write to the cache meanwhile. Returns the device under its new key.
   */
  lock(passphrase: string, idleMinutes: number): Promise<Device | DeviceLockError>;
  /** Removes the passphrase (the key goes back under a WebCrypto key). */
  removeLock(): Promise<void>;
  /** Changes the inactivity delay of a locked device. */
  setIdleMinutes(minutes: number): Promise<void>;
}

/** Where start-up lands: an open device, or one that waits for its passphrase. */
export type DeviceOpening =
  | { kind: 'open'; device: Device }
  | {
      kind: 'locked';
      /** Opens the device with the passphrase; the typed error otherwise (WRONG_PASSPHRASE…). */
      unlock(passphrase: string): Promise<Device | DeviceLockError>;
      forgetAll(): Promise<void>;
    };

/**
 * Opens the device storage of docs/adr/0003-web-encrypted-local-cache.md: an IndexedDB store
 * of opaque values wrapped in @trame/sync's EncryptedCache under a device key, itself wrapped by
 * a non-extractable WebCrypto key, or, on a locked device (DEVICES-4), sealed under the
 * person's passphrase (Argon2id). A profile left in the clear by the first version is moved
 * into the encrypted cache, then deleted.
 */
export async function openDevice(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  sodium: Promise<unknown> = Promise.resolve(),
): Promise<DeviceOpening> {
  try {
    if (!factory) throw new Error('no IndexedDB');
    const raw = new IndexedDbCache(factory);
    // Issue 14 (time to usable): the device key (IndexedDB, WebCrypto) is read while libsodium
    // compiles; only the cache's decryption needs it. The cache's database opens meanwhile too.
    void raw.get('profile').catch(() => {});
    let key: Uint8Array;
    try {
      // One database opening in the usual case; loadDeviceKey refuses a locked device.
      key = await loadDeviceKey(factory);
    } catch (e) {
      if (!(e instanceof DeviceLockError) || !(await readDeviceLock(factory))) throw e;
      return {
        kind: 'locked',
        unlock: async (passphrase) => {
          await sodium;
          const { unlockDevice } = await import('./deviceOps');
          const r = await unlockDevice(factory, passphrase, raw);
          return r.ok ? deviceFromKey(factory, raw, r.key, r.idleMinutes) : r.error;
        },
        forgetAll: () => forgetAll(factory, raw),
      };
    }
    await sodium;
    const [device] = await Promise.all([
      deviceFromKey(factory, raw, key, null),
      migrateLegacyProfile(factory, new CacheProfileStore(new EncryptedCache(raw, key))),
    ]);
    return { kind: 'open', device };
  } catch {
    // Without IndexedDB the identity and the documents live only in this tab.
    const cache = new MemoryCache();
    return {
      kind: 'open',
      device: {
        cache,
        heads: await PersistentHeadStore.load(cache),
        profiles: new MemoryProfileStore(),
        forgetSpace: async () => {},
        forgetAll: async () => {},
        persistent: false,
        lockIdleMinutes: null,
        lock: async () => {
          throw new Error('no device storage to lock');
        },
        removeLock: async () => {},
        setIdleMinutes: async () => {},
      },
    };
  }
}

async function deviceFromKey(
  factory: IDBFactory,
  raw: IndexedDbCache,
  key: Uint8Array,
  lockIdleMinutes: number | null,
): Promise<Device> {
  const cache = new EncryptedCache(raw, key);
  return {
    cache,
    heads: await PersistentHeadStore.load(cache),
    profiles: new CacheProfileStore(cache),
    forgetSpace: async (spaceId) => void (await forgetSpaceEntries(raw, spaceId)),
    forgetAll: () => forgetAll(factory, raw),
    persistent: true,
    lockIdleMinutes,
    lock: async (passphrase, idleMinutes) => {
      const { lockDevice } = await import('./deviceOps');
      const r = await lockDevice(factory, { raw, currentKey: key, passphrase, idleMinutes });
      return r.ok ? deviceFromKey(factory, raw, r.key, idleMinutes) : r.error;
    },
    removeLock: async () => (await import('./deviceOps')).removeDeviceLock(factory, key),
    setIdleMinutes: async (minutes) => (await import('./deviceOps')).setLockIdleMinutes(factory, minutes),
  };
}

async function forgetAll(factory: IDBFactory, raw: IndexedDbCache): Promise<void> {
  await raw.close();
  await Promise.all([CACHE_DB_NAME, DEVICE_DB_NAME, 'trame'].map((name) => deleteDatabase(factory, name)));
}

async function migrateLegacyProfile(factory: IDBFactory, profiles: ProfileStore): Promise<void> {
  const legacy = new IndexedDbProfileStore(factory);
  const old = await legacy.load().catch(() => null);
  if (!old) return;
  if (!(await profiles.load())) await profiles.save(old);
  await legacy.clear();
}

function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = factory.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}
