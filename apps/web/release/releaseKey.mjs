// The key that signs a build's release manifest (issue 14, WEBAPP-4). Plain ESM so that
// vite.config.ts, the signing step and the tests share it without a build.
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The project's published release key (base64 of the raw 32-byte Ed25519 public key). */
export const PUBLISHED_KEY_FILE = join(WEB, 'release-key.pub');
/** A per-checkout development key, made on the first build without TRAME_RELEASE_KEY; git-ignored. */
export const DEV_KEY_FILE = join(WEB, '.release', 'dev-release-key.pem');

/** Base64 of the raw Ed25519 public key of `privateKey`. */
export function publicKeyBase64(privateKey) {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** A new Ed25519 private key, PKCS#8 PEM. */
export function newPrivateKeyPem() {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/**
 * The signing key of this build:
 * - `TRAME_RELEASE_KEY=/path/to/key.pem` (an operator's release build): must match the published
 *   `release-key.pub`, or the build stops — clients pinned that key;
 * - otherwise a development key kept in this checkout (`.release/dev-release-key.pem`, made on
 *   first use). Clients of a development build pin that key: keep the file as long as the same
 *   people use the server, or they will refuse every later version.
 * @returns {{ privateKey: import('node:crypto').KeyObject, publicKey: string, kind: 'release' | 'development' }}
 */
export function loadReleaseKey(env = process.env) {
  if (env.TRAME_RELEASE_KEY) {
    const privateKey = createPrivateKey(readFileSync(env.TRAME_RELEASE_KEY));
    const publicKey = publicKeyBase64(privateKey);
    const published = readFileSync(PUBLISHED_KEY_FILE, 'utf8').trim();
    if (publicKey !== published) {
      throw new Error(
        `TRAME_RELEASE_KEY (${env.TRAME_RELEASE_KEY}) is not the published release key ${published} (apps/web/release-key.pub): installed apps would refuse this build`,
      );
    }
    return { privateKey, publicKey, kind: 'release' };
  }
  if (!existsSync(DEV_KEY_FILE)) {
    mkdirSync(dirname(DEV_KEY_FILE), { recursive: true });
    writeFileSync(DEV_KEY_FILE, newPrivateKeyPem(), { mode: 0o600 });
    chmodSync(DEV_KEY_FILE, 0o600);
  }
  const privateKey = createPrivateKey(readFileSync(DEV_KEY_FILE));
  return { privateKey, publicKey: publicKeyBase64(privateKey), kind: 'development' };
}
