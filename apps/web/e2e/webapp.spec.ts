import { spawn, type ChildProcess } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { publicKeyBase64 } from '../release/releaseKey.mjs';
import { signRelease } from '../release/signRelease.mjs';
import { canary } from './support/canary';
import { person } from './support/person';
import { shoot } from './support/shoot';
import {
  createCollective,
  createInvite,
  createItem,
  editor,
  join as joinSpace,
  statusLine,
  welcome,
} from './support/steps';

/**
 * Issue 14: the app as it travels — compression and caching (WEBAPP-2), route budgets
 * (WEBAPP-3), offline and installable (WEBAPP-1), a service worker that checks a signed release
 * (WEBAPP-4). Against the real server (apps/server serving apps/web/build).
 */

/** The shell's own script and style files, as the server lists them in index.html. */
async function shellAssets(
  request: import('@playwright/test').APIRequestContext,
): Promise<{ js: string[]; css: string[] }> {
  const html = await (await request.get('/')).text();
  const js = [...html.matchAll(/href="(\/_app\/immutable\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const css = [...html.matchAll(/href="(\/_app\/immutable\/[^"]+\.css)"/g)].map((m) => m[1]!);
  return { js, css };
}

test('WEBAPP-2: JS and CSS come brotli-compressed when asked, gzip otherwise, plain when neither, always with Vary: Accept-Encoding', async ({
  request,
}) => {
  const { js, css } = await shellAssets(request);
  expect(js.length).toBeGreaterThan(3);
  expect(css.length).toBeGreaterThan(0);
  for (const path of [...js.slice(0, 3), css[0]!]) {
    const plain = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
    const body = await plain.body();
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['br', 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const res = await request.get(path, { headers: { 'Accept-Encoding': accept } });
      expect(res.status(), `${path} ${accept}`).toBe(200);
      expect(res.headers()['content-encoding'], `${path} ${accept}`).toBe(encoding);
      expect(res.headers()['vary'], `${path} ${accept}`).toBe('Accept-Encoding');
      expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      // Whatever the encoding, the same bytes once decoded (Playwright decodes br and gzip).
      expect((await res.body()).equals(body)).toBe(true);
    }
    // A compressed copy is smaller on the wire than the file (when there is something to gain).
    const br = await request.get(path, { headers: { 'Accept-Encoding': 'br' } });
    if (body.length > 1000) expect(Number(br.headers()['content-length'])).toBeLessThan(body.length);
  }
});

test('WEBAPP-2: the HTML shell and version.json are revalidated (no-cache, 304 on an unchanged ETag)', async ({
  request,
}) => {
  for (const path of ['/', '/s/x/d/y', '/_app/version.json']) {
    const first = await request.get(path, { headers: { 'Accept-Encoding': 'br' } });
    expect(first.status()).toBe(200);
    expect(first.headers()['cache-control'], path).toBe('no-cache');
    expect(first.headers()['vary'], path).toBe('Accept-Encoding');
    const etag = first.headers()['etag'];
    expect(etag, path).toBeTruthy();
    const again = await request.get(path, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag! } });
    expect(again.status(), path).toBe(304);
  }
  // A hashed file that does not exist is a 404, not the HTML shell.
  expect((await request.get('/_app/immutable/chunks/nope.js')).status()).toBe(404);
});

/** Route budgets of issue 14: JavaScript and WebAssembly, brotli, on a cold cache. */
const BUDGET = { welcome: 200_000, home: 250_000, document: 350_000 } as const;
/**
 * The service worker's script is not route code: the page registers it once the page is idle,
 * once per install, and it then fetches the whole offline copy (WEBAPP-1) on its own, which no
 * route budget counts either. Whether its request lands before "network idle" is a matter of
 * timing, so it is kept out of the routes and held to a budget of its own.
 */
const SERVICE_WORKER_BUDGET = 4_000;
const BUILD = fileURLToPath(new URL('../build', import.meta.url));

/**
 * Opens `path` in `page` and returns the same-origin JavaScript and WebAssembly files it asked
 * for (static imports, lazy chunks, libsodium's .wasm), once `ready` is visible and the network
 * is quiet.
 */
async function codeFilesOf(page: Page, path: string, ready: Locator): Promise<string[]> {
  const files = new Set<string>();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/service-worker.js') return;
    if (url.hostname === '127.0.0.1' && /\.(js|wasm)$/.test(url.pathname)) files.add(url.pathname);
  });
  await page.goto(path);
  await expect(ready).toBeVisible();
  await page.waitForLoadState('networkidle');
  return [...files];
}

/** Bytes of the brotli copies in the build output of `files`. */
function brotliBytes(files: string[]): number {
  return files.reduce((sum, f) => sum + statSync(join(BUILD, `${f}.br`)).size, 0);
}

test('WEBAPP-3: JavaScript + WebAssembly per route, brotli, cold cache — welcome ≤ 200 KB, home ≤ 250 KB, document ≤ 350 KB; libsodium as a .wasm file; TipTap only on the document', async ({
  browser,
  baseURL,
}) => {
  const newcomer = await (await browser.newContext()).newPage();
  const welcomeFiles = await codeFilesOf(newcomer, '/welcome', newcomer.getByLabel('Votre nom dans le collectif'));
  await newcomer.context().close();

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto('/');
  await welcome(member, 'Budget');
  await createCollective(member, 'Collectif budget');
  await member.getByRole('link', { name: /Assemblée de coordination/ }).click();
  await createItem(member, { type: 'Document', title: 'Budget doc' });
  await expect(editor(member)).toBeVisible();
  const docPath = new URL(member.url()).pathname;
  await member.close();

  const routes = { welcome: welcomeFiles } as Record<keyof typeof BUDGET, string[]>;
  for (const [name, path, ready] of [
    ['home', '/', (p: Page) => p.getByRole('heading', { name: 'Collectif budget' })],
    ['document', docPath, (p: Page) => editor(p)],
  ] as const) {
    // Same person (identity and encrypted local data kept), empty HTTP cache and no worker.
    const page = await memberContext.newPage();
    const cdp = await memberContext.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(baseURL!).origin,
      storageTypes: 'service_workers,cache_storage',
    });
    routes[name] = await codeFilesOf(page, path, ready(page));
    await page.close();
  }
  await memberContext.close();

  const report = Object.entries(routes).map(
    ([name, files]) => `${name}: ${brotliBytes(files)} B in ${files.length} files`,
  );
  const worker = brotliBytes(['/service-worker.js']);
  console.log(`WEBAPP-3 ${report.join('; ')}; service worker: ${worker} B`);
  expect(worker, 'service worker').toBeLessThanOrEqual(SERVICE_WORKER_BUDGET);
  for (const [name, files] of Object.entries(routes) as [keyof typeof BUDGET, string[]][]) {
    expect(files.length, name).toBeGreaterThan(3);
    expect(brotliBytes(files), `${name}: ${files.join(' ')}`).toBeLessThanOrEqual(BUDGET[name]);
    // libsodium's WebAssembly is a file of its own, not base64 inside a script.
    expect(
      files.some((f) => /libsodium\.[\w-]+\.wasm$/.test(f)),
      name,
    ).toBe(true);
    for (const f of files.filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(join(BUILD, f), 'latin1').includes('AGFzbQ'), `${f} embeds WebAssembly`).toBe(false);
    }
  }
  // TipTap (ProseMirror) only where rich text is edited.
  const tiptap = (files: string[]) => files.some((f) => readFileSync(join(BUILD, f), 'latin1').includes('ProseMirror'));
  expect(tiptap(routes.welcome)).toBe(false);
  expect(tiptap(routes.home)).toBe(false);
  expect(tiptap(routes.document)).toBe(true);
});

/** Resolves once a service worker controls `page` (the app registers it on start). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return !!navigator.serviceWorker.controller;
  });
}

test('WEBAPP-1: a document opened before opens again offline after a reload and takes typing; back online, the other person gets the edit once', async ({
  browser,
  baseURL,
}) => {
  const alice = await person(browser, baseURL!, 'Alice', { phone: true });
  const bob = await person(browser, baseURL!, 'Bob');
  const a = alice.page;
  const b = bob.page;
  await a.goto('/');
  await welcome(a, 'Alice');
  await createCollective(a, canary('Collectif hors ligne'));
  await a.getByRole('link', { name: /Assemblée de coordination/ }).click();
  await expect(a).toHaveURL(/\/s\/[0-9a-f]+$/);
  const spaceUrl = a.url();
  const link = await createInvite(a, /^Membre/);
  await a.goto(spaceUrl);
  await createItem(a, { type: 'Document', title: 'Ordre du jour' });
  await expect(statusLine(a)).toHaveText('Chiffré · enregistré');
  const docUrl = a.url();
  await joinSpace(b, link, 'Bob');
  // Joining the assembly lands on the collective's home.
  await expect(b.getByRole('heading', { name: 'Collectif hors ligne' })).toBeVisible();
  await b.goto(docUrl);
  await expect(statusLine(b)).toHaveText('Chiffré · enregistré');
  await controlled(a);

  await alice.context.setOffline(true);
  await a.reload();
  // The shell and every script come from the worker's cache, the document from the encrypted
  // local cache.
  await expect(editor(a)).toBeVisible();
  await expect(statusLine(a)).toHaveText(/Hors ligne/);
  const offline = canary('Écrit dans le métro, sans réseau');
  await editor(a).click();
  await a.keyboard.type(offline);
  await expect(statusLine(a)).toHaveText('Hors ligne — modifications en attente');
  await shoot(a, 'phone', 'webapp-offline-reload');
  await expect(editor(b)).not.toContainText(offline);

  await alice.context.setOffline(false);
  await expect(statusLine(a)).toHaveText('Chiffré · enregistré');
  await expect(editor(b)).toContainText(offline);
  const count = async (p: Page) => ((await editor(p).textContent()) ?? '').split(offline).length - 1;
  await b.waitForTimeout(500);
  expect(await count(b)).toBe(1);
  expect(await count(a)).toBe(1);
  await alice.context.close();
  await bob.context.close();
});

test('WEBAPP-1: after the browser restarts offline (same profile on disk), the app and a document opened before open and take typing; back online the edit is saved', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const browserType = browser.browserType();
  // A real profile on disk (Playwright's usual contexts are off the record and die with the
  // browser): IndexedDB, the service worker and its cache survive the restart, as on a phone.
  const profileDir = mkdtempSync(join(tmpdir(), 'trame-profile-'));
  const launch = (offline: boolean) =>
    browserType.launchPersistentContext(profileDir, {
      ...test.info().project.use.launchOptions,
      baseURL,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 390, height: 844 },
      offline,
    });
  try {
    const first = await launch(false);
    const a = first.pages()[0] ?? (await first.newPage());
    await a.goto('/');
    await welcome(a, 'Aminata');
    await createCollective(a, canary('Collectif redémarré'));
    await a.getByRole('link', { name: /Assemblée de coordination/ }).click();
    await createItem(a, { type: 'Document', title: 'Tract du samedi' });
    const before = canary('Écrit avant de fermer le navigateur');
    await editor(a).click();
    await a.keyboard.type(before);
    await expect(statusLine(a)).toHaveText('Chiffré · enregistré');
    const docUrl = a.url();
    await controlled(a);
    // Leave the document before closing (its state is written to the device cache on the way
    // out), as a person going back to the home would: closing the browser itself gives pages no
    // guaranteed last word.
    await a.goto('/');
    await expect(a.getByRole('heading', { name: 'Collectif redémarré' })).toBeVisible();
    await first.close();

    // The browser starts again without any network: no server is reachable at all.
    const again = await launch(true);
    const p = again.pages()[0] ?? (await again.newPage());
    await p.goto(docUrl);
    await expect(editor(p)).toContainText(before);
    await expect(statusLine(p)).toHaveText(/Hors ligne/);
    const offline = canary('Ajouté après le redémarrage, hors ligne');
    await editor(p).click();
    await p.keyboard.press('End');
    await p.keyboard.type(` ${offline}`);
    await expect(statusLine(p)).toHaveText('Hors ligne — modifications en attente');
    // The home of the collective opens too (the assembly from the encrypted device cache), and
    // the document again, with what was typed just before leaving it (written on `pagehide`).
    await p.goto('/');
    await expect(p.getByRole('heading', { name: 'Collectif redémarré' })).toBeVisible();
    await p.goto(docUrl);
    await expect(editor(p)).toContainText(offline);

    await again.setOffline(false);
    await expect(statusLine(p)).toHaveText('Chiffré · enregistré');
    await again.close();
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
});

test('WEBAPP-1: the web app manifest makes Trame installable (what Chromium reports), French and English', async ({
  page,
  request,
}) => {
  await page.goto('/welcome');
  await controlled(page);
  const cdp = await page.context().newCDPSession(page);
  const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string };
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  // Playwright's profiles are off the record, where Chromium never offers to install: every
  // other criterion (manifest fields, icons, service worker, start URL) must hold.
  const errors = async () =>
    (
      (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] }
    ).installabilityErrors
      .map((e) => e.errorId)
      .filter((id) => id !== 'in-incognito');
  expect(await errors()).toEqual([]);
  for (const [path, lang] of [
    ['/manifest.webmanifest', 'fr'],
    ['/manifest.en.webmanifest', 'en'],
  ] as const) {
    const m = (await (await request.get(path)).json()) as Record<string, unknown>;
    expect(m).toMatchObject({
      lang,
      display: 'standalone',
      start_url: '/',
      theme_color: '#1e3a5f',
      short_name: 'Trame',
    });
    const icons = m.icons as { sizes: string; purpose: string }[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  }
  // The same question about a page without a manifest gets an answer: the check is live.
  await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.remove());
  expect(await errors()).not.toEqual([]);
});

/** A Trame server of its own (same port each time: the same origin for the service worker). */
class ReleaseServer {
  private proc: ChildProcess | null = null;
  constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  async serve(buildDir: string): Promise<void> {
    await this.stop();
    const proc = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(this.port),
        DATA_DIR: this.dataDir,
        WEB_BUILD_DIR: buildDir,
      },
      stdio: 'ignore',
    });
    this.proc = proc;
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${this.port}/health`).then(
            (r) => r.ok,
            () => false,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    this.proc = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;
  }
}

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A copy of `from` without the brotli/gzip copies (they would go stale when a file is changed). */
function copyBuild(from: string, to: string): string {
  cpSync(from, to, { recursive: true, filter: (f) => !/\.(br|gz)$/.test(f) });
  return to;
}

/** Replaces `from` by `to` in a file of `dir`; the text must be there. */
function rewrite(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text.includes(from), `${file} holds ${from}`).toBe(true);
  writeFileSync(path, text.split(from).join(to));
}

test('WEBAPP-4: an installed app refuses a tampered or foreign-signed update, keeps its version and says so; a correctly signed update installs', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const work = mkdtempSync(join(tmpdir(), 'trame-release-'));
  const server = new ReleaseServer(await freePort(), join(work, 'data'));
  try {
    // Release A: the real build, its worker given a key made for this test, signed with it.
    const testKey = generateKeyPairSync('ed25519').privateKey;
    const a = copyBuild(BUILD, join(work, 'a'));
    const sw = readFileSync(join(a, 'service-worker.js'), 'utf8');
    const builtKey = [...sw.matchAll(/"([A-Za-z0-9+/]{43}=)"/g)]
      .map((m) => m[1]!)
      .find((k) => {
        const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(k, 'base64')]);
        const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
        return verify(
          null,
          readFileSync(join(BUILD, 'release.json')),
          key,
          Buffer.from(readFileSync(join(BUILD, 'release.json.sig'), 'utf8'), 'base64'),
        );
      });
    expect(builtKey, 'the build embeds the key that signed it').toBeTruthy();
    rewrite(a, 'service-worker.js', builtKey!, publicKeyBase64(testKey));
    const versionA = (JSON.parse(readFileSync(join(a, '_app/version.json'), 'utf8')) as { version: string }).version;
    signRelease(a, testKey);

    // Release B: a later version (new version stamp, a visible mark in the shell), signed.
    const b = copyBuild(a, join(work, 'b'));
    const versionB = `${versionA}9`;
    rewrite(b, 'service-worker.js', `"${versionA}"`, `"${versionB}"`);
    rewrite(b, '_app/version.json', versionA, versionB);
    rewrite(b, 'index.html', '<title>Trame</title>', '<title>Trame</title><meta name="trame-release" content="B">');
    signRelease(b, testKey);
    // B with one script changed after signing (a compromised server adding code).
    const tampered = copyBuild(b, join(work, 'tampered'));
    const script = Object.keys(
      (JSON.parse(readFileSync(join(b, 'release.json'), 'utf8')) as { files: Record<string, string> }).files,
    ).find((f) => f.startsWith('/_app/immutable/entry/app.'))!;
    writeFileSync(join(tampered, script), `${readFileSync(join(tampered, script), 'utf8')}\n;globalThis.__leak=1;`);
    // B changed and signed again with another key, the worker carrying that key too.
    const foreign = copyBuild(tampered, join(work, 'foreign'));
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    rewrite(foreign, 'service-worker.js', publicKeyBase64(testKey), publicKeyBase64(otherKey));
    signRelease(foreign, otherKey);

    await server.serve(a);
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${server.port}` });
    const page = await context.newPage();
    await page.goto('/welcome');
    await controlled(page);
    const release = () =>
      page.evaluate(() => document.querySelector('meta[name="trame-release"]')?.getAttribute('content') ?? 'A');
    const update = () =>
      page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg?.update().catch(() => {});
      });
    expect(await release()).toBe('A');
    const refused = page.getByTestId('update-refused');

    for (const bad of [tampered, foreign]) {
      await server.serve(bad);
      await page.reload();
      await update();
      await expect(refused).toBeVisible();
      await expect(refused).toContainText("n'est pas signée par la clé de publication");
      // Still A, from the worker's cache, after another reload too; no version waiting.
      await page.reload();
      await expect(page.getByLabel('Votre nom dans le collectif')).toBeVisible();
      expect(await release()).toBe('A');
      expect(await page.evaluate(() => (globalThis as { __leak?: number }).__leak)).toBeUndefined();
      await expect(refused).toBeVisible();
      expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(false);
    }
    await shoot(page, 'phone', 'webapp-update-refused');

    await server.serve(b);
    await update();
    const available = page.getByTestId('update-available');
    await expect(available).toHaveText(/Nouvelle version disponible — recharger/);
    await expect(refused).toBeHidden();
    await shoot(page, 'phone', 'webapp-update-available');
    await available.getByRole('button', { name: 'recharger' }).click();
    await expect(page.locator('meta[name="trame-release"]')).toHaveAttribute('content', 'B');
    await expect(page.getByLabel('Votre nom dans le collectif')).toBeVisible();

    // A server that replaces the worker script itself (one that checks nothing and takes over at
    // once): the browser installs it — the web gives no way to refuse — but the running app
    // compares it with the signed release and tells the person.
    const replaced = copyBuild(b, join(work, 'replaced'));
    writeFileSync(
      join(replaced, 'service-worker.js'),
      "self.addEventListener('install', () => self.skipWaiting());\nself.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));\n",
    );
    await server.serve(replaced);
    await update();
    await expect(refused).toBeVisible();
    await expect(refused).toContainText("programme (service worker) qui n'est pas signé");
    await expect(available).toBeHidden();
    await context.close();
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
