import type { LocalProfile } from './LocalProfile.js';
import type { ProfileStore } from './ProfileStore.js';

const DB_NAME = 'trame';
const STORE = 'profile';
const KEY = 'me';

/**
 * Keeps the profile in IndexedDB (structured clone keeps the secret key a Uint8Array, never a
 * string in some log). One record per browser profile.
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
    const req = this.factory.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    return request(req);
  }
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function isProfile(v: unknown): v is LocalProfile {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<LocalProfile>;
  return p.version === 1 && p.secretKey instanceof Uint8Array && p.secretKey.length === 64 && Array.isArray(p.spaces);
}
