// Adds `<link rel="preload" as="fetch">` for libsodium's WebAssembly to the built HTML shell
// (build/index.html and its .br/.gz copies). Run after `vite build`, before signing (see
// package.json). Without it the browser asks for the .wasm only once the script that loads it
// has downloaded and run, a round trip and a download late on the way to a usable screen (every
// route boots libsodium); with it the file comes with the first scripts and is compiled by
// `instantiateStreaming` from the preload. `crossorigin` makes the preload match the `fetch()`
// of vite-plugins/libsodiumWasmFile.ts (CORS mode, same-origin credentials).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @param {string} buildDir
 * @returns {string} the preloaded path
 */
export function preloadWasm(buildDir) {
  const assets = join(buildDir, '_app', 'immutable', 'assets');
  const wasm = readdirSync(assets).filter((f) => /^libsodium\.[\w-]+\.wasm$/.test(f));
  if (wasm.length !== 1) throw new Error(`expected one libsodium.*.wasm in ${assets}, found ${wasm.length}`);
  const href = `/_app/immutable/assets/${wasm[0]}`;
  const file = join(buildDir, 'index.html');
  const html = readFileSync(file, 'utf8');
  const anchor = html.indexOf('<link href="/_app/immutable/');
  if (anchor < 0) throw new Error('index.html: no modulepreload link to put the preload before');
  if (html.includes(href)) return href;
  const link = `<link href="${href}" rel="preload" as="fetch" type="application/wasm" crossorigin="anonymous">\n\t\t`;
  const out = Buffer.from(html.slice(0, anchor) + link + html.slice(anchor));
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
  return href;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`index.html preloads ${preloadWasm(fileURLToPath(new URL('../build', import.meta.url)))}`);
}
