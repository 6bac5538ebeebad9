import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256Hex';
import { verifyReleaseSignature } from './verifyReleaseSignature';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { privateKey, publicKey: Buffer.from(x, 'base64url').toString('base64') };
}

const HASH = 'a'.repeat(64);
const bytes = (o: unknown) => new Uint8Array(Buffer.from(JSON.stringify(o)));

describe('verifyReleaseSignature', () => {
  const k = keyPair();
  const manifest = bytes({ version: '1', kind: 'development', files: { '/index.html': HASH } });
  const signature = sign(null, manifest, k.privateKey).toString('base64');

  it('accepts a manifest signed by the pinned key', async () => {
    expect(await verifyReleaseSignature(manifest, signature, k.publicKey)).toEqual({
      version: '1',
      kind: 'development',
      files: { '/index.html': HASH },
    });
  });

  it('refuses another key, a changed byte, a malformed signature', async () => {
    expect(await verifyReleaseSignature(manifest, signature, keyPair().publicKey)).toBeNull();
    const changed = manifest.slice();
    changed.set([changed.at(-3)! ^ 1], changed.length - 3);
    expect(await verifyReleaseSignature(changed, signature, k.publicKey)).toBeNull();
    expect(await verifyReleaseSignature(manifest, 'not base64!', k.publicKey)).toBeNull();
    expect(await verifyReleaseSignature(manifest, signature.slice(8), k.publicKey)).toBeNull();
  });

  it('refuses a signed manifest with unsafe paths or bad hashes', async () => {
    for (const files of [{ '/../x': HASH }, { 'x.js': HASH }, { '/a.js?x': HASH }, { '/a.js': 'zz' }, {}]) {
      const m = bytes({ version: '1', kind: 'development', files });
      expect(await verifyReleaseSignature(m, sign(null, m, k.privateKey).toString('base64'), k.publicKey)).toBeNull();
    }
  });

  it('sha256Hex matches a known vector', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
