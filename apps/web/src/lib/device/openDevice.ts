import {
  CACHE_DB_NAME,
  CacheProfileStore,
  DEVICE_DB_NAME,
  forgetSpaceEntries,
  IndexedDbCache,
  IndexedDbProfileStore,
  loadDeviceKey,
  MemoryProfileStore,
  type HeadStore,
  type LocalCache,
  type ProfileStore,
} from '@trame/workspace';
import { EncryptedCache, MemoryCache, PersistentHeadStore } from '$lib/sync/sync';

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
}

/**
 * Opens the device storage of docs/adr/0003-web-encrypted-local-cache.md: an IndexedDB store
 * of opaque values wrapped in @trame/sync's EncryptedCache under a device key, itself wrapped by
 * a non-extractable WebCrypto key. A profile left in the clear by the first version is moved
 * into the encrypted cache, then deleted.
 */
export async function openDevice(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<Device> {
  try {
    if (!factory) throw new Error('no IndexedDB');
    const raw = new IndexedDbCache(factory);
    const cache = new EncryptedCache(raw, await loadDeviceKey(factory));
    const profiles = new CacheProfileStore(cache);
    await migrateLegacyProfile(factory, profiles);
    return {
      cache,
      heads: await PersistentHeadStore.load(cache),
      profiles,
      forgetSpace: async (spaceId) => void (await forgetSpaceEntries(raw, spaceId)),
      forgetAll: async () => {
        await raw.close();
        await Promise.all([CACHE_DB_NAME, DEVICE_DB_NAME, 'trame'].map((name) => deleteDatabase(factory, name)));
      },
      persistent: true,
    };
  } catch {
    // Without IndexedDB the identity and the documents live only in this tab.
    const cache = new MemoryCache();
    return {
      cache,
      heads: await PersistentHeadStore.load(cache),
      profiles: new MemoryProfileStore(),
      forgetSpace: async () => {},
      forgetAll: async () => {},
      persistent: false,
    };
  }
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
