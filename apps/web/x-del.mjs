import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
const dir = '/tmp/devx/prof2';
execSync(`rm -rf ${dir}`);
const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = ctx.pages()[0] ?? await ctx.newPage();
await page.goto('http://127.0.0.1:4317/health');
await page.evaluate(async () => {
  const open = (n) => new Promise((res, rej) => { const r = indexedDB.open(n, 1); r.onupgradeneeded = () => r.result.createObjectStore('s'); r.onsuccess = () => res(r.result); r.onerror = rej; });
  const db = await open('x');
  await new Promise((res) => { const tx = db.transaction('s', 'readwrite'); tx.objectStore('s').put(new TextEncoder().encode('CANARYMARK1234'), 'k'); tx.objectStore('s').put('CANARYSTRING5678', 'k2'); tx.oncomplete = res; });
  db.close();
  const db2 = await open('y');
  await new Promise((res) => { const tx = db2.transaction('s', 'readwrite'); tx.objectStore('s').put('KEEPMARK', 'k'); tx.oncomplete = res; });
  db2.close();
});
await page.waitForTimeout(500);
console.log('before', execSync(`grep -rlc CANARYMARK1234 ${dir}/Default/IndexedDB || true`).toString());
await page.evaluate(() => new Promise((res) => { const r = indexedDB.deleteDatabase('x'); r.onsuccess = r.onerror = res; }));
const mb = Number(process.argv[3] ?? 0);
const t0 = Date.now();
await page.evaluate(async (mb) => {
  const open = (n) => new Promise((res, rej) => { const r = indexedDB.open(n, 1); r.onupgradeneeded = () => r.result.createObjectStore('s'); r.onsuccess = () => res(r.result); r.onerror = rej; });
  const db = await open('junk');
  const chunk = 16 * 1024;
  for (let i = 0; i < (mb * 1024 * 1024) / chunk / 32; i++) {
    await new Promise((res) => { const tx = db.transaction('s', 'readwrite'); for (let j = 0; j < 32; j++) tx.objectStore('s').put(crypto.getRandomValues(new Uint8Array(chunk)), i * 32 + j); tx.oncomplete = res; });
  }
  db.close();
  await new Promise((res) => { const r = indexedDB.deleteDatabase('junk'); r.onsuccess = r.onerror = res; });
}, mb);
console.log('junk ms', Date.now() - t0);
await page.waitForTimeout(Number(process.argv[2] ?? 3000));
console.log('after delete', execSync(`grep -rl CANARYMARK1234 ${dir}/Default/IndexedDB || true`).toString(), execSync(`ls -la ${dir}/Default/IndexedDB/*/`).toString());
await ctx.close();
console.log('after close', execSync(`grep -rl CANARYMARK1234 ${dir}/Default/IndexedDB || true`).toString(), execSync(`ls -la ${dir}/Default/IndexedDB/*/`).toString());
