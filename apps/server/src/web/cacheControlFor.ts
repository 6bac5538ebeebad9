/** Hashed build output: its name changes whenever its bytes do. */
const IMMUTABLE_PREFIX = '/_app/immutable/';

/**
 * The `Cache-Control` of a file of the built web app, by its URL path. Hashed assets are kept
 * for a year without asking again; everything else (the HTML shell, `version.json`, the service
 * worker, the web app manifest, the signed release manifest, icons) is revalidated on every use
 * (`no-cache` + ETag: a 304 when nothing changed), so that a new version is seen at once.
 */
export function cacheControlFor(pathname: string): string {
  return pathname.startsWith(IMMUTABLE_PREFIX) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
