import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NodeRequestHandler } from '@trame/relay';
import sirv from 'sirv';
import { cacheControlFor } from './cacheControlFor.js';
import { routeShellFor, type RouteShell } from './routeShellFor.js';

/**
 * What the page's own `<meta http-equiv="content-security-policy">` (written by SvelteKit, with
 * the hash of its one inline script) cannot say: no framing. Browsers enforce both policies.
 */
const HEADER_CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

/**
 * Serves the static build of the web app (`apps/web/build`, SvelteKit adapter-static): the
 * hashed assets, and the one HTML shell (`index.html`) for every other path without an
 * extension (the app routes in the browser). Brotli and gzip copies made at build time are sent
 * by `Accept-Encoding` (br first, then gzip, else the plain file), always with
 * `Vary: Accept-Encoding`; ETags answer revalidations with 304. A navigation to a page route
 * gets that route's shell from `_app/shells/` (its code preloaded, issue 14) when the build has
 * them. Returns null when the app was not built: the relay still runs.
 */
export function serveWebApp(dir: string): NodeRequestHandler | null {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) return null;
  const files = sirv(root, {
    etag: true,
    brotli: true,
    gzip: true,
    single: true,
    dotfiles: false,
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', cacheControlFor(pathname));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.setHeader('Content-Security-Policy', HEADER_CSP);
    },
  });
  const shellsIndex = join(root, '_app', 'shells.json');
  const shells = existsSync(shellsIndex) ? (JSON.parse(readFileSync(shellsIndex, 'utf8')) as RouteShell[]) : [];
  return (req, res, next) => {
    // A 304 must carry the same Vary as the 200 it stands for (sirv sets it later).
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.method === 'GET' || req.method === 'HEAD') {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const shell = routeShellFor(q < 0 ? url : url.slice(0, q), shells);
      if (shell) req.url = shell;
    }
    files(req, res, () => {
      if (next) next();
      else {
        res.statusCode = 404;
        res.end();
      }
    });
  };
}
