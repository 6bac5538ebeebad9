import { relayHostOf } from '@trame/protocol';

/**
 * R16: the hosts an AUTH signature may name on this relay. With `publicHosts` configured (the
 * names clients reach it by, e.g. `trame.example`), only those: a relay in the middle that
 * dials this one under a `Host` of its own choosing gains nothing. Without, the `Host` header of
 * the upgrade request (what the client dialled, as a reverse proxy like Caddy passes it on).
 * Empty when neither names a host: every AUTH then fails.
 */
export function authHostsFor(publicHosts: readonly string[] | null, requestHost: string | undefined): string[] {
  if (publicHosts && publicHosts.length > 0) return publicHosts.map(relayHostOf).filter((h) => h !== '');
  const host = relayHostOf(requestHost ?? '');
  return host ? [host] : [];
}
