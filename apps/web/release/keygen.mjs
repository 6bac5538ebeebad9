// `npm run release:keygen -w @trame/web -- /safe/place/trame-release.pem`: a new release key.
// Keep the .pem offline (it is what lets a build reach installed apps); publish the printed
// public key in apps/web/release-key.pub and the README, then build with TRAME_RELEASE_KEY.
import { existsSync, writeFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { newPrivateKeyPem, publicKeyBase64 } from './releaseKey.mjs';

const out = process.argv[2];
if (!out) throw new Error('usage: keygen.mjs /safe/place/trame-release.pem');
if (existsSync(out)) throw new Error(`${out} exists: not overwritten`);
const pem = newPrivateKeyPem();
writeFileSync(out, pem, { mode: 0o600 });
console.log(`private key: ${out}\npublic key (release-key.pub): ${publicKeyBase64(createPrivateKey(pem))}`);
