import { fromHex, toHex } from '@trame/protocol';
import type { LocalCache } from '../sync/SyncApi.js';
import type { LocalProfile } from './LocalProfile.js';
import type { ProfileStore } from './ProfileStore.js';

const KEY = 'profile';
const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * Keeps the device profile (identity secret key, display name, joined spaces) as one entry of
 * the device cache. Give it the *encrypted* cache: then the name, the key and the list of
 * spaces are ciphertext at rest like everything else the app stores.
 */
export class CacheProfileStore implements ProfileStore {
  constructor(private readonly cache: LocalCache) {}

  async load(): Promise<LocalProfile | null> {
    const bytes = await this.cache.get(KEY);
    if (!bytes) return null;
    try {
      const raw = JSON.parse(dec.decode(bytes)) as Record<string, unknown>;
      const profile = { ...raw, secretKey: fromHex(String(raw.secretKey)) } as LocalProfile;
      return isProfile(profile) ? profile : null;
    } catch {
      return null;
    }
  }

  async save(profile: LocalProfile): Promise<void> {
    await this.cache.set(KEY, enc.encode(JSON.stringify({ ...profile, secretKey: toHex(profile.secretKey) })));
  }

  async clear(): Promise<void> {
    await this.cache.delete(KEY);
  }
}

function isProfile(p: Partial<LocalProfile>): p is LocalProfile {
  return (
    p.version === 1 &&
    p.secretKey instanceof Uint8Array &&
    p.secretKey.length === 64 &&
    typeof p.displayName === 'string' &&
    Array.isArray(p.spaces)
  );
}
