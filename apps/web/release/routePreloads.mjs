// Writes build/_app/routes.json: for each page route of the app, its URL pattern and the
// scripts and stylesheets its layout and page load (from SvelteKit's own build manifest),
// minus what the HTML shell already preloads. Run after `vite build`, before signing (see
// package.json): the file is part of the signed release. The service worker reads it to add
// those files as `<link rel="modulepreload">` / stylesheet to the shell it serves for a
// navigation (src/lib/release/withRoutePreloads.ts): the browser then fetches a route's code
// while it parses the HTML, instead of the router asking for it file by file once the app's
// entry has run (a second wave of requests, and a DOM insertion per file).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROUTES_FILE = '_app/routes.json';

/**
 * Routes whose visitor has a profile, so that AppSession will import the client and sync engine
 * (`src/lib/app/clientCode.ts`, a dynamic import) as soon as the device key is read: their
 * shells preload that code too instead of fetching it in a third wave. Not the welcome, join,
 * restore and setup routes, where a newcomer has no profile and must not download it (WEBAPP-3).
 * @param {string} pattern
 */
function hasProfile(pattern) {
  return pattern === '^\\/$' || pattern.startsWith('^\\/s\\/') || pattern.startsWith('^\\/settings');
}

/**
 * The files of the client code chunk (Vite names it after its module, `clientCode`) and of every
 * chunk it imports statically, from Vite's client build manifest.
 * @param {string} clientManifestFile
 * @returns {string[]}
 */
export function clientCodeFiles(clientManifestFile) {
  /** @type {Record<string, { file: string, name?: string, isDynamicEntry?: boolean, imports?: string[] }>} */
  const m = JSON.parse(readFileSync(clientManifestFile, 'utf8'));
  const entry = Object.keys(m).find((k) => m[k].name === 'clientCode' && m[k].isDynamicEntry);
  if (!entry) throw new Error(`${clientManifestFile}: no clientCode chunk (src/lib/app/clientCode.ts)`);
  return staticClosure(m, entry);
}

/**
 * The file of manifest entry `entry` and of every chunk it imports statically, transitively.
 * @param {Record<string, { file: string, imports?: string[] }>} m Vite's client build manifest
 * @param {string} entry
 * @returns {string[]}
 */
function staticClosure(m, entry) {
  const seen = new Set([entry]);
  const todo = [entry];
  for (let k = todo.pop(); k; k = todo.pop()) {
    for (const i of m[k]?.imports ?? []) {
      if (seen.has(i)) continue;
      seen.add(i);
      todo.push(i);
    }
  }
  return [...seen].filter((k) => m[k]).map((k) => m[k].file);
}

/**
 * The scripts node `n` (a layout or page) imports statically, from Vite's client manifest.
 * SvelteKit's server manifest (`node.imports`) leaves out some of them — the document page's
 * TipTap chunk, 455 KB, among them (SvelteKit 2.70, with Rollup's small-chunk merging) — and the
 * router then asks for them only once the entry has run, a wave later (issue 14, time to
 * editable).
 * @param {Record<string, { file: string, imports?: string[] }>} m
 * @param {number} n
 * @returns {string[]}
 */
function nodeFiles(m, n) {
  const entry = Object.keys(m).find((k) => k.endsWith(`generated/client-optimized/nodes/${n}.js`));
  return entry ? staticClosure(m, entry) : [];
}

/**
 * @param {string} buildDir the adapter's output (index.html)
 * @param {string} serverDir SvelteKit's server build (.svelte-kit/output/server)
 * @param {string} [clientManifestFile] Vite's client manifest, for the client code of routes with a profile
 * @returns {Promise<Array<{ pattern: string, js: string[], css: string[] }>>}
 */
export async function routePreloads(buildDir, serverDir, clientManifestFile) {
  const { manifest } = await import(pathToFileURL(join(serverDir, 'manifest.js')).href);
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const inShell = (file) => html.includes(`"/${file}"`);
  const clientCode = clientManifestFile ? clientCodeFiles(clientManifestFile) : null;
  /** @type {Record<string, { file: string, imports?: string[] }> | null} */
  const client = clientManifestFile ? JSON.parse(readFileSync(clientManifestFile, 'utf8')) : null;
  const routes = [];
  for (const route of manifest._.routes) {
    if (!route.page) continue;
    const nodes = [...route.page.layouts, route.page.leaf].filter((n) => n !== undefined);
    const js = new Set();
    const css = new Set();
    for (const n of nodes) {
      const node = await manifest._.nodes[n]();
      for (const f of node.imports ?? []) if (!inShell(f)) js.add(`/${f}`);
      if (client) for (const f of nodeFiles(client, n)) if (!inShell(f)) js.add(`/${f}`);
      for (const f of node.stylesheets ?? []) if (!inShell(f)) css.add(`/${f}`);
    }
    if (clientCode && hasProfile(route.pattern.source)) for (const f of clientCode) if (!inShell(f)) js.add(`/${f}`);
    routes.push({ pattern: route.pattern.source, js: [...js], css: [...css] });
  }
  return routes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const web = fileURLToPath(new URL('..', import.meta.url));
  const routes = await routePreloads(
    join(web, 'build'),
    join(web, '.svelte-kit', 'output', 'server'),
    join(web, '.svelte-kit', 'output', 'client', '.vite', 'manifest.json'),
  );
  writeFileSync(join(web, 'build', ROUTES_FILE), `${JSON.stringify(routes)}\n`);
  console.log(`${ROUTES_FILE}: ${routes.length} routes`);
}
