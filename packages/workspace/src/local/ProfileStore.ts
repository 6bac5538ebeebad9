import type { LocalProfile } from './LocalProfile.js';

/** Where the device's profile is kept; IndexedDB in browsers, memory in tests. */
export interface ProfileStore {
  load(): Promise<LocalProfile | null>;
  save(profile: LocalProfile): Promise<void>;
  /** Forgets this device's identity ("leave on this device"). */
  clear(): Promise<void>;
}
