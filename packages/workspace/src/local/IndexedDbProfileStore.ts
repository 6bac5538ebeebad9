import { idbDone as done } from './idbDone.js';
import { idbOpen } from './idbOpen.js';
import { idbRequest as request } from './idbRequest.js';
import type { LocalProfile } from './LocalProfile.js';
import type { ProfileStore } from './ProfileStore.js';

const DB_NAME = 'trame';
const STORE = 'profile';
const KEY = 'me';

/**
 * The first version's profile record: IndexedDB, in the clear (structured clone keeps the
 * secret key a Uint8Array). Kept only to migrate such a record into the encrypted
 * {@link CacheProfileStore} (docs/adr, web encrypted local cache) and then delete it.
 */
export class IndexedDbProfileStore implements ProfileStore {
  constructor(private readonly factory: IDBFactory = globalThis.indexedDB) {}

  async load(): Promise<LocalProfile | null> {
    const db = await this.open();
    try {
      const value = await request<unknown>(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY));
      return isProfile(value) ? value : null;
    } finally {
      db.close();
    }
  }

  async save(profile: LocalProfile): Promise<void> {
    const db = await this.open();
    try {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(profile, KEY);
      await done(tx);
    } finally {
      db.close();
    }
  }

  async clear(): Promise<void> {
    const db = await this.open();
    try {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(KEY);
      await done(tx);
    } finally {
      db.close();
    }
  }

  private open(): Promise<IDBDatabase> {
    return idbOpen(this.factory, DB_NAME, STORE);
  }
}

function isProfile(v: unknown): v is LocalProfile {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<LocalProfile>;
  return p.version === 1 && p.secretKey instanceof Uint8Array && p.secretKey.length === 64 && Array.isArray(p.spaces);
}
