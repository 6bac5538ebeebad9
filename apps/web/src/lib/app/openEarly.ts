import { milestone } from '$lib/perf/milestone';
import { app } from './app';
import type { DocumentSessionLike } from '@trame/workspace';
import { EarlyItem } from './EarlyItem';
import { itemOfPath } from './itemOfPath';
import { spaceOfPath } from './spaceOfPath';

/** Routes whose visitor has a profile: the same as release/routePreloads.mjs `hasProfile`. */
const WITH_PROFILE = /^\/(?:$|s\/|settings(?:\/|$))/;

/**
 * Starts what the first screen needs before its code has even loaded (issue 14, time to
 * usable): the client code (on routes of a person with a profile), libsodium, the device key,
 * the profile, then the space the URL shows and, on an item's page, the item, opened from
 * the encrypted device cache. Screens ask the client for the same space later and get the
 * same (memoised) promise, so nothing is done twice; a failure here is the screen's to report,
 * so it is swallowed.
 */
export function openEarly(path: string): void {
  if (WITH_PROFILE.test(path)) app.preloadClientCode();
  void app.boot().then(() => {
    const client = app.client;
    const spaceId = client ? spaceOfPath(path, client.homeAssemblyId) : null;
    if (!client || !spaceId) return;
    client.openSpace(spaceId).then(
      () => milestone('space-early'),
      () => {},
    );
    // A document, board or minutes: its cached state is read while the screen's code loads;
    // ItemLoader takes the session (or it is closed if no screen does).
    const item = itemOfPath(path);
    if (item && item.spaceId === spaceId) {
      earlyItem.hold(`${item.spaceId}/${item.itemId}`, client.openItem(item.spaceId, item.itemId));
    }
  });
}

/** The item opened by {@link openEarly}, waiting for its screen (ItemLoader). */
export const earlyItem = new EarlyItem<DocumentSessionLike>((session) => app.client?.closeItem(session));
