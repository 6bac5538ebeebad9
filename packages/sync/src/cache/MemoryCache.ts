import type { LocalCache } from './LocalCache.js';

/** A LocalCache in memory: for tests and for pages that must not persist anything. */
export class MemoryCache implements LocalCache {
  readonly entries = new Map<string, Uint8Array>();

  async get(key: string): Promise<Uint8Array | undefined> {
    return this.entries.get(key)?.slice();
  }

  async set(key: string, value: Uint8Array): Promise<void> {
    this.entries.set(key, value.slice());
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
