// `node bench/lockBench.mjs http://127.0.0.1:8787` (a running server): DEVICES-4's unlock time on
// the throttled phone profile of webBench.spec.ts (150 ms round trip, 1.6 Mbps down, 750 kbps up,
// CPU slowed 4×). A device locked at its first screen is reloaded RUNS times; each run times
// the click on "Déverrouiller" until the next screen shows: Argon2id (LOCK_PARAMS) with the
// sumo build already in the service worker's cache, plus opening the profile. It also times,
// once, a cold unlock (HTTP cache and service worker gone: the sumo chunk comes over the network).
// Not a test: nothing is asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:8787';
const RUNS = Number(process.env.TRAME_BENCH_RUNS ?? 5);
const PASS = 'trois tortues sous la pluie';
const dir = mkdtempSync(join(tmpdir(), 'trame-lock-bench-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
  locale: 'fr-FR',
  viewport: { width: 390, height: 844 },
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${base}/`);
await page.getByText('Protéger cet appareil par une phrase de passe').click();
await page.getByRole('textbox', { name: /^Phrase de passe/ }).fill(PASS);
await page.getByLabel('La même, encore une fois').fill(PASS);
await page.getByLabel('Votre nom dans le collectif').fill('Camille');
await page.getByRole('button', { name: 'Continuer' }).click();
await page.getByRole('heading', { name: 'Créer le collectif' }).waitFor({ timeout: 60_000 });

const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.emulateNetworkConditions', {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6e6 / 8) | 0,
  uploadThroughput: (750e3 / 8) | 0,
});
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

async function unlockOnce() {
  await page.getByRole('heading', { name: 'Appareil verrouillé' }).waitFor({ timeout: 120_000 });
  await page.getByLabel('Phrase de passe').fill(PASS);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await page.getByRole('heading', { name: 'Créer le collectif' }).waitFor({ timeout: 120_000 });
  return Date.now() - t0;
}

const warm = [];
for (let i = 0; i < RUNS; i++) {
  await page.reload();
  warm.push(await unlockOnce());
}
await cdp.send('Network.clearBrowserCache');
await page.evaluate(async () => {
  for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  for (const k of await caches.keys()) await caches.delete(k);
});
await page.reload();
const cold = await unlockOnce();
warm.sort((a, b) => a - b);
console.log(
  `unlock (Argon2id ${'opslimit 3, memlimit 64 MiB'}), throttled phone profile: median ${warm[warm.length >> 1]} ms (runs: ${warm.join(', ')}); cold (sumo chunk over the network): ${cold} ms`,
);
await context.close();
rmSync(dir, { recursive: true, force: true });
