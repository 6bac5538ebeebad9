import type { ClientInit } from '@sveltejs/kit';
import { app } from '$lib/app/app';
import { openEarly } from '$lib/app/openEarly';

/**
 * Runs once, when the app's entry has loaded and before the router fetches the route's code:
 * the boot (libsodium, device key, profile) and the opening of the URL's space from the device
 * cache start now and overlap with that download, instead of waiting for the layout to mount.
 * Not awaited: the router goes on at once.
 */
export const init: ClientInit = () => {
  openEarly(app, location.pathname);
};
