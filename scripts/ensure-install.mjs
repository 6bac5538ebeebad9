#!/usr/bin/env node
// Installs dependencies when they are missing or older than package-lock.json, so that
// `npm start` and `npm test` work on a fresh clone with nothing else to run first.
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
const lock = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.trame-install-stamp');
const want = createHash('sha256').update(readFileSync(lock)).update(readFileSync(join(root, 'package.json'))).digest('hex');
const have = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
if (have === want) process.exit(0);
// `npm install`, not `npm ci`: the lock written by npm 11 here leaves out other platforms'
// optional binaries (rollup, turbo, esbuild), which `npm ci` then reports as missing. The
// exact pins in every package.json and the lock still fix what gets installed.
const args = ['install', '--no-audit', '--no-fund'];
console.log('Installing dependencies (better-sqlite3 builds from source the first time, about 2 minutes)…');
const r = spawnSync('npm', args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
if (r.status !== 0) process.exit(r.status ?? 1);
writeFileSync(stamp, want);
