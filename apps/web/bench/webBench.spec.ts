import { test, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { createCollective, createItem, editor, statusLine, welcome } from '../e2e/support/steps';

/**
 * `npm run bench:web`: the welcome, home and document routes of the real server, loaded in
 * Chromium on a throttled phone profile (DevTools protocol: 150 ms round trip, 1.6 Mbps down,
 * 750 kbps up, CPU slowed 4×). For each route, cold (HTTP cache, service worker and Cache
 * Storage cleared; the person's identity and encrypted local data kept) and warm (a second
 * visit), it prints the bytes the page received (decoded, and on the wire: compressed body plus
 * headers; nothing for what the service worker or the HTTP cache answered) and the time from
 * navigation start to usable (welcome, home) or editable (document). Median of RUNS visits.
 *
 * The page's own requests are counted; a service worker's own fetches (its precache, made in
 * the background) are not the page's and are not counted here.
 */
const RUNS = Number(process.env.TRAME_BENCH_RUNS ?? 3);
/** `TRAME_BENCH_ONLY=home,document`: only these routes (for paired before/after runs). */
const ONLY = process.env.TRAME_BENCH_ONLY?.split(',').filter(Boolean) ?? null;
const THROTTLE = { latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const CPU_SLOWDOWN = 4;
const DOC_TEXT = 'Rendez-vous à 10 h devant la mairie, banderoles prêtes.';

interface Load {
  ms: number;
  jsRaw: number;
  jsWire: number;
  allRaw: number;
  allWire: number;
  requests: number;
}

type Ready = (page: Page) => Promise<number>;

test('bench:web', async ({ browser, baseURL }) => {
  test.setTimeout(1_200_000);
  const origin = baseURL!;

  // A first visitor, kept for the welcome route (no identity).
  const newcomer = await browser.newContext({ baseURL: origin });
  // A member with a collective and a document, for the home and document routes.
  const member = await browser.newContext({ baseURL: origin });
  const setup = await member.newPage();
  await setup.goto('/');
  await welcome(setup, 'Camille');
  await createCollective(setup, 'Collectif du banc');
  await setup.getByRole('link', { name: /Assemblée de coordination/ }).click();
  await createItem(setup, { type: 'Document', title: 'Manif du 12' });
  await editor(setup).click();
  await setup.keyboard.type(DOC_TEXT);
  await setup.waitForFunction(() =>
    document.querySelector('main [role="status"][data-state]')?.textContent?.includes('enregistré'),
  );
  await statusLine(setup).waitFor();
  const docPath = new URL(setup.url()).pathname;
  await setup.close();

  const welcomeReady: Ready = (page) =>
    until(page, () => {
      const input = document.querySelector<HTMLInputElement>('main input[name="nickname"]');
      return !!input && !input.disabled ? performance.now() : 0;
    });
  const homeReady: Ready = (page) =>
    until(page, () => {
      const titled = [...document.querySelectorAll('h1')].some((h) => h.textContent?.includes('Collectif du banc'));
      return titled && document.querySelector('main a[href^="/s/"]') ? performance.now() : 0;
    });
  const docReady: Ready = (page) =>
    until(
      page,
      (text) => {
        const el = document.querySelector('[contenteditable="true"]');
        return el?.textContent?.includes(text) ? performance.now() : 0;
      },
      DOC_TEXT,
    );

  const rows: string[] = [];
  for (const [name, context, path, ready] of [
    ['welcome', newcomer, '/welcome', welcomeReady],
    ['home', member, '/', homeReady],
    ['document', member, docPath, docReady],
  ] as const) {
    if (ONLY && !ONLY.includes(name)) continue;
    const cold: Load[] = [];
    const warm: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      cold.push(await visit(context, origin, path, ready, true));
      warm.push(await visit(context, origin, path, ready, false));
    }
    rows.push(row(name, 'cold', median(cold)), row(name, 'warm', median(warm)));
  }
  await newcomer.close();
  await member.close();

  const out = [
    `bench:web — Chromium, ${THROTTLE.latency} ms RTT, 1.6 Mbps down / 750 kbps up, CPU ${CPU_SLOWDOWN}×; median of ${RUNS}`,
    '| route | cache | JS+WASM decoded | JS+WASM on the wire | all decoded | all on the wire | requests | usable / editable |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  console.log(`\n${out}\n`);
});

/** Loads `path` in a new page of `context`, throttled; `cold` clears caches and workers first. */
async function visit(
  context: BrowserContext,
  origin: string,
  path: string,
  ready: Ready,
  cold: boolean,
): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (cold) {
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'service_workers,cache_storage' });
  }
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const bytes = countBytes(cdp);
  await page.goto(path, { waitUntil: 'commit' });
  const ms = await ready(page);
  // Whatever the route still fetches right after (lazy chunks) is part of its cost.
  await page.waitForLoadState('networkidle').catch(() => {});
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  if (cold) {
    // Let an installing service worker finish its precache before the warm visit.
    await page.evaluate(async () => {
      if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller) {
        const reg = await navigator.serviceWorker?.getRegistration();
        if (!reg) return;
      }
      await navigator.serviceWorker.ready;
    });
    await page.waitForTimeout(1500);
  }
  const load = { ms, ...bytes.total() };
  await cdp.detach();
  await page.close();
  return load;
}

/** Milliseconds from navigation start to the moment `check` (returning `performance.now()`) is non-zero. */
async function until(page: Page, check: (arg: string) => number, arg = ''): Promise<number> {
  const handle = await page.waitForFunction(check, arg, { polling: 'raf', timeout: 120_000 });
  return Math.round((await handle.jsonValue()) as number);
}

function countBytes(cdp: CDPSession) {
  const info = new Map<string, { url: string; code: boolean; wire: boolean }>();
  const raw = new Map<string, number>();
  const wire = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    const url = e.response.url;
    const code = e.type === 'Script' || /\.(m?js|wasm)(\?|$)/.test(url);
    const wire = !(e.response.fromServiceWorker || e.response.fromDiskCache || e.response.fromPrefetchCache);
    info.set(e.requestId, { url, code, wire });
  });
  cdp.on('Network.dataReceived', (e) => raw.set(e.requestId, (raw.get(e.requestId) ?? 0) + e.dataLength));
  cdp.on('Network.loadingFinished', (e) => wire.set(e.requestId, e.encodedDataLength));
  return {
    total() {
      const t = { jsRaw: 0, jsWire: 0, allRaw: 0, allWire: 0, requests: 0 };
      for (const [id, i] of info) {
        if (i.url.startsWith('data:')) continue;
        const r = raw.get(id) ?? 0;
        const w = i.wire ? (wire.get(id) ?? 0) : 0;
        t.requests++;
        t.allRaw += r;
        t.allWire += w;
        if (i.code) {
          t.jsRaw += r;
          t.jsWire += w;
        }
      }
      return t;
    },
  };
}

function median(loads: Load[]): Load {
  const mid = (k: keyof Load) => {
    const s = loads.map((l) => l[k]).sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)]!;
  };
  return {
    ms: mid('ms'),
    jsRaw: mid('jsRaw'),
    jsWire: mid('jsWire'),
    allRaw: mid('allRaw'),
    allWire: mid('allWire'),
    requests: mid('requests'),
  };
}

function row(route: string, cache: string, l: Load): string {
  const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`;
  return `| ${route} | ${cache} | ${kb(l.jsRaw)} | ${kb(l.jsWire)} | ${kb(l.allRaw)} | ${kb(l.allWire)} | ${l.requests} | ${(l.ms / 1000).toFixed(2)} s |`;
}
