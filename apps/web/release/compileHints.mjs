// Puts V8's per-file compile hint (`//# allFunctionsCalledOnLoad`, the WICG "explicit JavaScript
// compile hints" magic comment, honoured by Chromium since 136) at the top of every script a route
// loads at start: the shell's own scripts and each route's (build/_app/routes.json), then remakes
// their .br/.gz copies. Chromium then compiles those files' functions on the background thread
// that streams the script in, instead of lazily, one by one, on the main thread the first time
// each is called (issue 14: on the throttled phone profile, lazy compilation was a large part of
// a document's start-up). Scripts loaded later (device linking, the passphrase screen…) are left
// alone: compiling what may never run would only cost memory. Browsers without the hint ignore a
// comment. Run after routePreloads.mjs, before signing: the release lists the files as changed
// here. Terser removes comments, so this cannot be done in the bundler's output options.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUTES_FILE } from './routePreloads.mjs';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * @param {string} buildDir the adapter's output (index.html, _app/routes.json)
 * @returns {string[]} the scripts given the hint (paths from the site's root)
 */
export function compileHints(buildDir) {
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  /** @type {Array<{ js: string[] }>} */
  const routes = JSON.parse(readFileSync(join(buildDir, ROUTES_FILE), 'utf8'));
  const files = new Set([...html.matchAll(/"(\/_app\/immutable\/[\w./-]+\.js)"/g)].map((m) => m[1]));
  for (const route of routes) for (const f of route.js) files.add(f);
  const hinted = [];
  for (const path of files) {
    const file = join(buildDir, path);
    const code = readFileSync(file, 'utf8');
    if (code.startsWith(COMPILE_HINT)) continue;
    const out = Buffer.from(COMPILE_HINT + code);
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
    hinted.push(path);
  }
  return hinted;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const hinted = compileHints(fileURLToPath(new URL('../build', import.meta.url)));
  console.log(`compile hints: ${hinted.length} scripts`);
}
