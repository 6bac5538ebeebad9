import type { LocalCache } from '../sync/SyncApi.js';
import { idbDone } from './idbDone.js';
import { idbOpen } from './idbOpen.js';
import { idbRequest } from './idbRequest.js';

/** Name of the database holding the device cache's (encrypted) entries. */
export const CACHE_DB_NAME = 'trame-cache';
const STORE = 'entries';

/**
 * The device cache's raw store: opaque bytes by name in IndexedDB. It is never used alone:
 * the web app wraps it in @trame/sync's `EncryptedCache`, so every value written here is
 * ciphertext bound to its name. Names (`space:<id>`, `doc:<space>:<doc>`, `heads`, `profile`)
 * hold only random ids the relay already knows.
 */
export class IndexedDbCache implements LocalCache {
  private db: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly factory: IDBFactory = globalThis.indexedDB,
    private readonly name: string = CACHE_DB_NAME,
  ) {}

  async get(key: string): Promise<Uint8Array | undefined> {
    const db = await this.open();
    const value = await idbRequest<unknown>(db.transaction(STORE, 'readonly').objectStore(STORE).get(key));
    return value instanceof Uint8Array ? value : undefined;
  }

  async set(key: string, value: Uint8Array): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    // A copy: the caller may reuse its buffer, and a view on a larger buffer would store it all.
    tx.objectStore(STORE).put(value.slice(), key);
    // Commit now rather than when the task ends: a write made on `pagehide` (the tab closing, a
    // full navigation) is then already on its way when the page is torn down, instead of being
    // aborted with it (the last edits typed offline were lost).
    tx.commit?.();
    await idbDone(tx);
  }

  async delete(key: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).delete(key);
    await idbDone(tx);
  }

  /** Every entry name; used to forget a space's entries. */
  async keys(): Promise<string[]> {
    const db = await this.open();
    const keys = await idbRequest<IDBValidKey[]>(db.transaction(STORE, 'readonly').objectStore(STORE).getAllKeys());
    return keys.map(String);
  }

  /** Closes the connection (the database can then be deleted). */
  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (db) (await db).close();
  }

  private open(): Promise<IDBDatabase> {
    if (!this.db) {
      const opening = idbOpen(this.factory, this.name, STORE).then((db) => {
        // Another tab deleting the database ("forget this device") must not be blocked by us.
        db.onversionchange = () => {
          db.close();
          if (this.db === opening) this.db = null;
        };
        return db;
      });
      opening.catch(() => {
        if (this.db === opening) this.db = null;
      });
      this.db = opening;
    }
    return this.db;
  }
}
