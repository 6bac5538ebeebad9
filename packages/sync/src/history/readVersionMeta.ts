import type { VersionMeta } from './VersionMeta.js';

const HEX_ID = /^[0-9a-f]{64}$/;

/** Parses decrypted version metadata strictly; null when it is not what a client writes (R113). */
export function readVersionMeta(plain: Uint8Array): VersionMeta | null {
  let m: unknown;
  try {
    m = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    return null;
  }
  if (typeof m !== 'object' || m === null) return null;
  const o = m as Record<string, unknown>;
  if (o.v !== 1 || o.enc !== 2) return null;
  if (typeof o.startAt !== 'number' || typeof o.endAt !== 'number' || !Number.isFinite(o.startAt)) return null;
  if (!Array.isArray(o.authors) || o.authors.length > 256) return null;
  if (!o.authors.every((a) => typeof a === 'string' && HEX_ID.test(a))) return null;
  if (o.restoredFrom !== null && (typeof o.restoredFrom !== 'string' || !/^[0-9a-f]{32}$/.test(o.restoredFrom)))
    return null;
  return {
    v: 1,
    enc: 2,
    startAt: o.startAt,
    endAt: o.endAt as number,
    authors: o.authors as string[],
    restoredFrom: o.restoredFrom as string | null,
  };
}
