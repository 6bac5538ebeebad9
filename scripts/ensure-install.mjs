#!/usr/bin/env node
// Installs dependencies when they are missing or older than package-lock.json, so that
// `npm start` and `npm test` work on a fresh clone with nothing else to run first.
// It installs with `npm ci`: exactly what the committed lock says, and the lock is never
// rewritten (SELFHOST-1). `scripts/check-lock.mjs` keeps the lock complete for every platform.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Trame needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}
const manifests = [
  'package-lock.json',
  'package.json',
  ...JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces.map((w) => join(w, 'package.json')),
];
const hash = createHash('sha256');
for (const file of manifests) hash.update(readFileSync(join(root, file)));
const want = hash.digest('hex');
const stamp = join(root, 'node_modules', '.trame-install-stamp');
const have = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
if (have === want) process.exit(0);
console.log('Installing dependencies with npm ci (better-sqlite3 builds from source the first time, about 2 minutes)…');
const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
if (r.status !== 0) {
  console.error(
    'npm ci failed. If it says the lock is out of sync, a package.json changed without its lock:\n' +
      'run `npm install --package-lock-only` and `node scripts/check-lock.mjs`, then commit package-lock.json.',
  );
  process.exit(r.status ?? 1);
}
writeFileSync(stamp, want);
