import type { ClientInit } from '@sveltejs/kit';

/**
 * Runs once, when the app's entry has loaded and before the router fetches the route's code:
 * the boot (libsodium, device key, profile) and the opening of the URL's space from the device
 * cache start as soon as their code is there and overlap with the download of the route's
 * code (TipTap on a document), instead of waiting for the layout to mount. Not awaited, and
 * imported dynamically: the router must not wait for the sync layer's chunk to start loading
 * the route.
 */
export const init: ClientInit = () => {
  void import('$lib/app/openEarly').then(({ openEarly }) => openEarly(location.pathname));
};
