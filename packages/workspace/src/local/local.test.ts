import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { EncryptedCache, MemoryCache, ready } from '@trame/sync';
import { CacheProfileStore } from './CacheProfileStore.js';
import { forgetSpaceEntries } from './forgetSpaceEntries.js';
import { IndexedDbCache } from './IndexedDbCache.js';
import { IndexedDbProfileStore } from './IndexedDbProfileStore.js';
import { loadDeviceKey } from './loadDeviceKey.js';
import type { LocalProfile } from './LocalProfile.js';

const profile: LocalProfile = {
  version: 1,
  secretKey: new Uint8Array(64).fill(7),
  displayName: 'Léa Martin',
  colour: '#4338ca',
  locale: 'fr',
  spaces: [{ id: 'ab'.repeat(16), kind: 'assembly', assemblyId: 'ab'.repeat(16), joinedAt: 1 }],
  createdAt: 1,
};

/** Every name and value IndexedDB holds, as one string of bytes (to look for plaintext). */
async function rawBytes(cache: IndexedDbCache): Promise<{ includes: (s: string) => boolean }> {
  let all = '';
  for (const k of await cache.keys()) all += k + String.fromCharCode(...((await cache.get(k)) ?? []));
  const utf8 = (s: string): string => String.fromCharCode(...new TextEncoder().encode(s));
  return { includes: (s) => all.includes(utf8(s)) };
}

describe('device storage', () => {
  it('IndexedDbCache stores, lists and deletes bytes, and copies what it is given', async () => {
    const cache = new IndexedDbCache(new IDBFactory());
    const big = new Uint8Array([0, 1, 2, 3, 4, 5]);
    await cache.set('doc:a:b', big.subarray(2, 4));
    big[2] = 99;
    expect(await cache.get('doc:a:b')).toEqual(new Uint8Array([2, 3]));
    expect(await cache.get('missing')).toBeUndefined();
    expect(await cache.keys()).toEqual(['doc:a:b']);
    await cache.delete('doc:a:b');
    expect(await cache.keys()).toEqual([]);
    await cache.close();
  });

  it('loadDeviceKey makes one 32-byte key per device and finds it again', async () => {
    const factory = new IDBFactory();
    const first = await loadDeviceKey(factory);
    expect(first).toHaveLength(32);
    expect(await loadDeviceKey(factory)).toEqual(first);
    // two tabs opening the app for the first time at once agree on one key
    const other = new IDBFactory();
    const [a, b] = await Promise.all([loadDeviceKey(other), loadDeviceKey(other)]);
    expect(a).toEqual(b);
    expect(a).not.toEqual(first);
  });

  it('keeps the profile encrypted at rest: no name and no secret key in IndexedDB', async () => {
    await ready();
    const factory = new IDBFactory();
    const raw = new IndexedDbCache(factory);
    const store = new CacheProfileStore(new EncryptedCache(raw, await loadDeviceKey(factory)));
    expect(await store.load()).toBeNull();
    await store.save(profile);
    expect(await store.load()).toEqual(profile);
    const bytes = await rawBytes(raw);
    expect(bytes.includes('Léa Martin')).toBe(false);
    expect(bytes.includes('07'.repeat(32))).toBe(false);
    expect(bytes.includes('ab'.repeat(16))).toBe(false);
    // another device key cannot read it: the profile reads as absent
    const stranger = new CacheProfileStore(new EncryptedCache(raw, new Uint8Array(32).fill(1)));
    expect(await stranger.load()).toBeNull();
    await store.clear();
    expect(await store.load()).toBeNull();
  });

  it('the legacy clear-text profile record can be read for migration and cleared', async () => {
    const factory = new IDBFactory();
    const legacy = new IndexedDbProfileStore(factory);
    await legacy.save(profile);
    expect((await legacy.load())?.displayName).toBe('Léa Martin');
    await legacy.clear();
    expect(await legacy.load()).toBeNull();
  });

  it('forgetSpaceEntries deletes one space log and its documents, nothing else', async () => {
    const store = new MemoryCache();
    const keys = ['space:s1', 'doc:s1:d1', 'doc:s1:d2', 'space:s10', 'doc:s10:d1', 'heads', 'profile'];
    for (const k of keys) await store.set(k, new Uint8Array([1]));
    const listable = { keys: async () => [...store.entries.keys()], delete: (k: string) => store.delete(k) };
    expect(await forgetSpaceEntries(listable, 's1')).toBe(3);
    expect([...store.entries.keys()]).toEqual(['space:s10', 'doc:s10:d1', 'heads', 'profile']);
  });
});
