/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { version } from '$service-worker';
import type { RefusalReason, ReleaseManifest } from '$lib/release/ReleaseManifest';
import { sha256Hex } from '$lib/release/sha256Hex';
import { withRoutePreloads, type RoutePreload } from '$lib/release/withRoutePreloads';
import { verifyReleaseSignature } from '$lib/release/verifyReleaseSignature';
import {
  META_CACHE,
  PINNED_KEY_PATH,
  REFUSAL_PATH,
  type Refusal,
  type WorkerMessage,
} from '$lib/release/workerProtocol';

/**
 * Trame's service worker (issue 14). It installs a version of the app only when the version's
 * release.json is signed by the release key it pinned on its first install (trust on first
 * use) and every file's SHA-256 matches; it then serves the whole app — the HTML shell for every
 * navigation, scripts, styles, libsodium's WebAssembly — from its own cache, so the app opens
 * offline and a server that changes a file cannot reach a page already installed. A version that
 * does not verify is not installed: the browser keeps the current worker, and the refusal is
 * written where the running app reads it and tells the person (UpdateNotice.svelte).
 *
 * The relay (`/ws`), `/health` and anything not in the signed list go to the network.
 */
declare const self: ServiceWorkerGlobalScope;
declare const __TRAME_RELEASE_PUBLIC_KEY__: string;

const APP_CACHE = `trame-app-${version}`;
/** Written by release/routePreloads.mjs, signed with the rest of the release. */
const ROUTES_PATH = '/_app/routes.json';
const PARALLEL_FETCHES = 6;

/** Headers worth keeping on a cached response (the body is stored decoded). */
const KEPT_HEADERS = ['content-type', 'content-security-policy', 'x-content-type-options', 'referrer-policy'];

class Refused extends Error {
  constructor(
    readonly reason: RefusalReason,
    detail: string,
  ) {
    super(detail);
  }
}

async function pinnedKey(): Promise<string | null> {
  const hit = await (await caches.open(META_CACHE)).match(PINNED_KEY_PATH);
  return hit ? (await hit.text()).trim() : null;
}

async function fetchBytes(path: string): Promise<Response> {
  const res = await fetch(path, { cache: 'no-cache', credentials: 'same-origin', redirect: 'error' });
  if (!res.ok) throw new Refused('manifest', `${path}: HTTP ${res.status}`);
  return res;
}

/** Fetches, checks and caches every file of this version; throws Refused on any mismatch. */
async function installVerified(): Promise<{ key: string; manifest: ReleaseManifest }> {
  const key = (await pinnedKey()) ?? __TRAME_RELEASE_PUBLIC_KEY__;
  const [manifestRes, sigRes] = await Promise.all([fetchBytes('/release.json'), fetchBytes('/release.json.sig')]);
  const manifestBytes = new Uint8Array(await manifestRes.arrayBuffer());
  let manifest: ReleaseManifest | null;
  try {
    manifest = await verifyReleaseSignature(manifestBytes, await sigRes.text(), key);
  } catch (e) {
    throw new Refused('unsupported', `no Ed25519 in this browser: ${String(e)}`);
  }
  if (!manifest) throw new Refused('signature', `release.json is not signed by the pinned key ${key}`);
  // The signed list must be this worker's own version, not an older signed one replayed.
  if (manifest.version !== version) throw new Refused('version', `release ${manifest.version} ≠ worker ${version}`);
  if (!manifest.files['/index.html']) throw new Refused('manifest', 'release.json has no /index.html');

  const cache = await caches.open(APP_CACHE);
  const queue = Object.entries(manifest.files);
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [path, expected] = next;
      const res = await fetchBytes(path);
      const body = await res.arrayBuffer();
      const actual = await sha256Hex(body);
      if (actual !== expected) throw new Refused('hash', `${path}: SHA-256 ${actual}, signed ${expected}`);
      const headers = new Headers();
      for (const h of KEPT_HEADERS) {
        const v = res.headers.get(h);
        if (v) headers.set(h, v);
      }
      await cache.put(path, new Response(body, { status: 200, headers }));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_FETCHES }, worker));
  return { key, manifest };
}

async function tellClients(message: WorkerMessage): Promise<void> {
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    client.postMessage(message);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const meta = await caches.open(META_CACHE);
      try {
        const { key } = await installVerified();
        // First install: this is the key every later version must be signed with.
        if (!(await pinnedKey())) await meta.put(PINNED_KEY_PATH, new Response(key));
        await meta.delete(REFUSAL_PATH);
        // The very first install takes the page at once; later ones wait for "recharger".
        if (!self.registration.active) await self.skipWaiting();
      } catch (e) {
        await caches.delete(APP_CACHE);
        const refusal: Refusal = {
          version,
          reason: e instanceof Refused ? e.reason : 'manifest',
          detail: e instanceof Error ? e.message : String(e),
          at: Date.now(),
        };
        // Only a worker that is already running verified code can be believed by the person.
        if (self.registration.active) {
          await meta.put(REFUSAL_PATH, new Response(JSON.stringify(refusal)));
          await tellClients({ type: 'trame:update-refused', refusal });
        }
        throw e;
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('trame-app-') && name !== APP_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data as WorkerMessage | null;
  if (data?.type === 'trame:activate') void self.skipWaiting();
});

/** This version's route list (release/routePreloads.mjs), read once from the verified cache. */
let routeList: Promise<RoutePreload[]> | null = null;
function routes(cache: Cache): Promise<RoutePreload[]> {
  routeList ??= cache
    .match(ROUTES_PATH)
    .then((hit) => (hit ? (hit.json() as Promise<RoutePreload[]>) : []))
    .catch(() => []);
  return routeList;
}

/** This version's cache, opened once per worker start rather than once per request (issue 14). */
let appCache: Promise<Cache> | null = null;
function openAppCache(): Promise<Cache> {
  const opening = (appCache ??= caches.open(APP_CACHE));
  opening.catch(() => {
    if (appCache === opening) appCache = null;
  });
  return opening;
}

async function respond(request: Request, url: URL): Promise<Response> {
  const cache = await openAppCache();
  if (request.mode !== 'navigate') return (await cache.match(url.pathname)) ?? fetch(request);
  // Every route of the app is the same shell; the router in the page does the rest. The shell
  // names the route's own scripts, so that they load while the HTML is parsed.
  const [shell, list] = await Promise.all([cache.match('/index.html'), routes(cache)]);
  if (!shell) return fetch(request);
  const html = withRoutePreloads(await shell.text(), url.pathname, list);
  return new Response(html, { status: 200, headers: shell.headers });
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/ws') || url.pathname === '/health') return;
  // Signed per request and never cached (HISTORY-1): straight to the relay.
  if (url.pathname.startsWith('/history/')) return;
  // The page compares the server's current worker script with the signed release (AppUpdate).
  if (url.pathname === '/service-worker.js') return;
  event.respondWith(respond(request, url));
});
