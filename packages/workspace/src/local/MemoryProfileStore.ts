import type { LocalProfile } from './LocalProfile.js';
import type { ProfileStore } from './ProfileStore.js';

/** Keeps the profile in memory: for tests, and for a browser without IndexedDB (private modes). */
export class MemoryProfileStore implements ProfileStore {
  private value: LocalProfile | null = null;

  load(): Promise<LocalProfile | null> {
    return Promise.resolve(this.value ? structuredClone(this.value) : null);
  }

  save(profile: LocalProfile): Promise<void> {
    this.value = structuredClone(profile);
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.value = null;
    return Promise.resolve();
  }
}
