// Writes one HTML shell per page route (build/_app/shells/<n>.html, with .br/.gz copies) and
// their index (build/_app/shells.json): the shell with the route's own scripts and stylesheets
// preloaded (release/withRoutePreloads.mjs), as the service worker builds it on a warm visit.
// The server sends it for a navigation on a cold visit (apps/server serveWebApp), so the first
// load fetches the route's code while the HTML is parsed rather than in a second and a third
// wave once the entry has run (issue 14). Run after routePreloads.mjs, before signing: the
// shells are part of the signed release like every other file.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPreloads } from './withRoutePreloads.mjs';
import { ROUTES_FILE } from './routePreloads.mjs';

export const SHELLS_INDEX = '_app/shells.json';

/**
 * @param {string} buildDir the adapter's output (index.html, _app/routes.json)
 * @returns {Array<{ pattern: string, shell: string }>} the index written
 */
export function routeShells(buildDir) {
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  /** @type {Array<{ pattern: string, js: string[], css: string[] }>} */
  const routes = JSON.parse(readFileSync(join(buildDir, ROUTES_FILE), 'utf8'));
  mkdirSync(join(buildDir, '_app', 'shells'), { recursive: true });
  const index = routes.map((route, n) => {
    const shell = `/_app/shells/${n}.html`;
    const out = Buffer.from(withPreloads(html, route));
    const file = join(buildDir, shell);
    writeFileSync(file, out);
    // The same settings as SvelteKit's own precompression of the other files.
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(out, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: out.length,
        },
      }),
    );
    writeFileSync(`${file}.gz`, gzipSync(out, { level: constants.Z_BEST_COMPRESSION }));
    return { pattern: route.pattern, shell };
  });
  writeFileSync(join(buildDir, SHELLS_INDEX), `${JSON.stringify(index)}\n`);
  return index;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const index = routeShells(fileURLToPath(new URL('../build', import.meta.url)));
  console.log(`${SHELLS_INDEX}: ${index.length} route shells`);
}
