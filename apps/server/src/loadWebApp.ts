import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { NodeRequestHandler } from '@trame/relay';

/** Where `npm run build` puts the SvelteKit app (adapter-node), relative to this file's dist/. */
const DEFAULT_WEB_BUILD = fileURLToPath(new URL('../../web/build', import.meta.url));

/**
 * Loads the built web app's request handler (adapter-node's `handler.js`) so that the relay
 * and the app share one port. Returns null when the app was not built: the relay still runs.
 */
export async function loadWebApp(
  dir = process.env.WEB_BUILD_DIR || DEFAULT_WEB_BUILD,
): Promise<NodeRequestHandler | null> {
  const file = join(resolve(dir), 'handler.js');
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { handler?: NodeRequestHandler };
  return mod.handler ?? null;
}
