import type { AppSession } from './AppSession.svelte';

const SPACE_PATH = /^\/s\/([0-9a-f]{32})(?:\/|$)/;

/**
 * The space the screen at `path` opens first: the home's assembly for `/`, the space of any
 * `/s/<space>/…` page; null elsewhere (welcome, settings, join…).
 */
export function spaceOfPath(path: string, homeAssemblyId: string | null): string | null {
  if (path === '/') return homeAssemblyId;
  return SPACE_PATH.exec(path)?.[1] ?? null;
}

/**
 * Starts what the first screen needs before its code has even loaded (issue 14, time to
 * usable): libsodium, the device key, the profile, then the space the URL shows, opened from
 * the encrypted device cache. Screens ask the client for the same space later and get the
 * same (memoised) promise, so nothing is done twice; a failure here is the screen's to report,
 * so it is swallowed.
 */
export function openEarly(app: AppSession, path: string): void {
  void app.boot().then(() => {
    const client = app.client;
    const spaceId = client ? spaceOfPath(path, client.homeAssemblyId) : null;
    if (client && spaceId) client.openSpace(spaceId).catch(() => {});
  });
}
