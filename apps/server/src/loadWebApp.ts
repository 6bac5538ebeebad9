import { fileURLToPath } from 'node:url';
import type { NodeRequestHandler } from '@trame/relay';
import { serveWebApp } from './web/serveWebApp.js';

/** Where `npm run build` puts the web app (SvelteKit adapter-static), relative to this file's dist/. */
const DEFAULT_WEB_BUILD = fileURLToPath(new URL('../../web/build', import.meta.url));

/**
 * The built web app's request handler, so that the relay and the app share one port. Returns
 * null when the app was not built: the relay still runs.
 */
export async function loadWebApp(
  dir = process.env.WEB_BUILD_DIR || DEFAULT_WEB_BUILD,
): Promise<NodeRequestHandler | null> {
  return Promise.resolve(serveWebApp(dir));
}
