/**
 * The web app's only door to the sync layer: the real, end-to-end encrypted @trame/sync. The
 * relay is same-origin (`/ws`, see ./relayUrl.ts); everything it receives is ciphertext.
 */
import * as realSync from '@trame/sync';

export { ready, generateIdentity, identityFromSecretKey, EncryptedCache, MemoryCache, PersistentHeadStore } from '@trame/sync';
export type { Identity, SpaceSession } from '@trame/sync';

/** The module as @trame/workspace's TrameClient expects it (SyncApi). */
export const sync = realSync;
