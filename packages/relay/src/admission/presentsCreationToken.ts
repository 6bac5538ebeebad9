import { createHash, timingSafeEqual } from 'node:crypto';
import { CREATION_TOKEN_PREFIX } from './SpaceCreationPolicy.js';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * R68: whether an upgrade's `Sec-WebSocket-Protocol` header offers `trame-create.<token>` with
 * the operator's token. Compared as SHA-256 digests in constant time, so the time taken says
 * nothing about how much of a guess was right.
 */
export function presentsCreationToken(header: string | string[] | undefined, token: string): boolean {
  if (header === undefined || token.length === 0) return false;
  const all = Array.isArray(header) ? header.join(',') : header;
  const expected = digest(token);
  let found = false;
  for (const p of all.split(',')) {
    const offered = p.trim();
    if (!offered.startsWith(CREATION_TOKEN_PREFIX)) continue;
    if (timingSafeEqual(digest(offered.slice(CREATION_TOKEN_PREFIX.length)), expected)) found = true;
  }
  return found;
}
