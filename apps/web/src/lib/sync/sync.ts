/**
 * The web app's only door to the sync layer. Everything else imports from here, so switching
 * from the in-tab preview to the real @trame/sync is this file alone:
 *
 *   import * as realSync from '@trame/sync';
 *   export const sync = realSync;
 *   export { ready, generateIdentity, identityFromSecretKey } from '@trame/sync';
 *
 * Until @trame/sync is built, `sync` is {@link previewSync}: nothing leaves the tab and nothing
 * survives a reload. It exists only so the screens can be built and looked at; it is not a
 * relay and e2e tests must not rely on it.
 */
export { ready, generateIdentity, identityFromSecretKey } from '@trame/crypto';
export type { Identity } from '@trame/crypto';
export { previewSync as sync } from './previewSync';

/** True while the preview stand-in is in use; the interface says so in a banner. */
export const SYNC_IS_PREVIEW = true;
