import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NodeRequestHandler } from '@trame/relay';
import sirv from 'sirv';
import { cacheControlFor } from './cacheControlFor.js';

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
 * `Vary: Accept-Encoding`; ETags answer revalidations with 304. Returns null when the app was
 * not built: the relay still runs.
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
  return (req, res, next) => {
    // A 304 must carry the same Vary as the 200 it stands for (sirv sets it later).
    res.setHeader('Vary', 'Accept-Encoding');
    files(req, res, () => {
      if (next) next();
      else {
        res.statusCode = 404;
        res.end();
      }
    });
  };
}
