#!/usr/bin/env node
// Fails when package-lock.json does not match the package.json files, or lacks other platforms'
// optional packages (SELFHOST-1): exactly the two ways in which `npm ci` on a fresh clone breaks.
// It reads only; `npm ci --dry-run` resolves the tree against the lock without touching node_modules.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// The checkout's root, or the directory given as the first argument (tests check copies).
const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
if (r.status !== 0) {
  // npm appends its whole usage text; the reason comes before it.
  process.stderr.write(r.stderr.split('npm error Clean install a project')[0]);
  console.error(
    '\npackage-lock.json is out of sync with the package.json files.\n' +
      'Fix: `npm install --package-lock-only`, check again with `node scripts/check-lock.mjs`, commit the lock.',
  );
  process.exit(1);
}
console.log('package-lock.json is complete and in sync with every package.json.');
