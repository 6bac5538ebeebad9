// Writes build/release.json (SHA-256 of every file of the built app) and build/release.json.sig
// (Ed25519 over release.json's exact bytes). Run after `vite build` (see package.json); the
// service worker installs a version only if both verify against the key it pinned.
import { createHash, sign } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReleaseKey } from './releaseKey.mjs';

export const RELEASE_FILE = 'release.json';
export const SIGNATURE_FILE = 'release.json.sig';

/** Files that are not part of what the service worker installs. */
function skipped(path) {
  return /\.(br|gz)$/.test(path) || path === `/${RELEASE_FILE}` || path === `/${SIGNATURE_FILE}`;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/**
 * Hashes every file of `buildDir` and signs the list with `privateKey`.
 * @param {string} buildDir
 * @param {import('node:crypto').KeyObject} privateKey
 * @param {{ kind?: string }} [o]
 */
export function signRelease(buildDir, privateKey, o = {}) {
  const version = JSON.parse(readFileSync(join(buildDir, '_app', 'version.json'), 'utf8')).version;
  const files = {};
  for (const abs of walk(buildDir).sort()) {
    const path = `/${relative(buildDir, abs).split(sep).join('/')}`;
    if (skipped(path)) continue;
    files[path] = createHash('sha256').update(readFileSync(abs)).digest('hex');
  }
  const manifest = Buffer.from(`${JSON.stringify({ version, kind: o.kind ?? 'development', files }, null, 1)}\n`);
  writeFileSync(join(buildDir, RELEASE_FILE), manifest);
  writeFileSync(join(buildDir, SIGNATURE_FILE), `${sign(null, manifest, privateKey).toString('base64')}\n`);
  return { version, files: Object.keys(files).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const key = loadReleaseKey();
  const dir = fileURLToPath(new URL('../build', import.meta.url));
  const { version, files } = signRelease(dir, key.privateKey, { kind: key.kind });
  console.log(`release ${version}: ${files} files signed with the ${key.kind} key ${key.publicKey}`);
}
