import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHECK = join(ROOT, 'scripts', 'check-lock.mjs');

/** The lock and every package.json of the checkout, copied into a fresh directory. */
function copyManifests(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trame-lock-'));
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };
  for (const file of [
    'package.json',
    'package-lock.json',
    '.npmrc',
    ...root.workspaces.map((w) => join(w, 'package.json')),
  ]) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), readFileSync(join(ROOT, file)));
  }
  return dir;
}

function check(dir: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [CHECK, dir], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('the committed lock (SELFHOST-1)', () => {
  it('SELFHOST-1: package-lock.json is complete for every platform and in sync with every package.json', () => {
    const r = check(copyManifests());
    expect(r.out).toMatch(/complete and in sync/);
    expect(r.status).toBe(0);
    // Other platforms' optional binaries are in it: `npm ci` on macOS, Windows or arm64 finds them.
    const lock = readFileSync(join(ROOT, 'package-lock.json'), 'utf8');
    for (const name of [
      '@rollup/rollup-darwin-arm64',
      '@rollup/rollup-win32-x64-msvc',
      '@turbo/darwin-arm64',
      '@turbo/windows-64',
    ])
      expect(lock).toContain(`"node_modules/${name}"`);
  });

  it('SELFHOST-1: a lock that lacks another platform’s optional package fails the check, as `npm ci` would', () => {
    const dir = copyManifests();
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    delete lock.packages['node_modules/@rollup/rollup-darwin-arm64'];
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2));
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/Missing: @rollup\/rollup-darwin-arm64/);
    expect(r.out).toMatch(/out of sync/);
  });

  it('SELFHOST-1: a package.json changed without its lock fails the check', () => {
    const dir = copyManifests();
    const file = join(dir, 'apps', 'server', 'package.json');
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { dependencies: Record<string, string> };
    pkg.dependencies['is-number'] = '7.0.0';
    writeFileSync(file, JSON.stringify(pkg, null, 2));
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/out of sync/);
  });
});
