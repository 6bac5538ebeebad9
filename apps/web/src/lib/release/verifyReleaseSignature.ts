import type { ReleaseManifest } from './ReleaseManifest';

const HEX_SHA256 = /^[0-9a-f]{64}$/;
/** Every path is absolute, without `..`, query or fragment: it is fetched and cached as is. */
const SAFE_PATH = /^(?!.*\/\.\.?(\/|$))\/[A-Za-z0-9._~@%+,=\-/]*$/;

/** Base64 (standard) → bytes; throws on anything else. */
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s)) throw new TypeError('not base64');
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}

/**
 * Checks `signature` (base64 Ed25519, release.json.sig) over the exact bytes of release.json
 * against `publicKey` (base64 raw 32 bytes) and parses the manifest, strictly. Returns null
 * when the signature does not verify or the manifest is malformed: the caller keeps what it has.
 * Throws only when this browser has no Ed25519 in WebCrypto.
 */
export async function verifyReleaseSignature(
  manifestBytes: Uint8Array<ArrayBuffer>,
  signature: string,
  publicKey: string,
): Promise<ReleaseManifest | null> {
  let sig: Uint8Array<ArrayBuffer>;
  let raw: Uint8Array<ArrayBuffer>;
  try {
    sig = fromBase64(signature);
    raw = fromBase64(publicKey);
  } catch {
    return null;
  }
  if (sig.length !== 64 || raw.length !== 32) return null;
  const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  if (!(await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, manifestBytes))) return null;
  try {
    const m = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes)) as Partial<ReleaseManifest>;
    if (typeof m.version !== 'string' || typeof m.kind !== 'string' || !m.files || typeof m.files !== 'object')
      return null;
    const entries = Object.entries(m.files);
    if (entries.length === 0 || entries.length > 5000) return null;
    for (const [path, hash] of entries) {
      if (!SAFE_PATH.test(path) || typeof hash !== 'string' || !HEX_SHA256.test(hash)) return null;
    }
    return { version: m.version, kind: m.kind, files: m.files };
  } catch {
    return null;
  }
}
