import { createHash } from 'node:crypto';

/**
 * A 64-bit key for `pg_advisory_xact_lock`, as a decimal string (a JS number cannot hold it).
 * The scope (`space`, `document`, `migrations`) keeps different kinds of lock apart; two ids
 * hashing to the same key only serialize more than needed, never less.
 */
export function advisoryLockKey(scope: string, ...ids: Uint8Array[]): string {
  const h = createHash('sha256').update(scope).update('\0');
  for (const id of ids) h.update(id);
  return h.digest().readBigInt64BE(0).toString();
}
