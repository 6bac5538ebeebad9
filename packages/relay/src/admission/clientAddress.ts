import type { IncomingMessage } from 'node:http';

/**
 * The address a connection is counted under (R60). Behind a reverse proxy every socket comes
 * from the proxy, so the operator names the header the proxy sets (`TRUSTED_PROXY_HEADER`,
 * e.g. `x-forwarded-for`); its last entry is the one the proxy appended, the others are
 * whatever the client claimed. Without a configured header the header is never read: a client
 * could otherwise pick a fresh address for every connection. Returns null for a loopback
 * socket when no header is configured (see below): such connections get no per-address caps.
 */
export function clientAddress(
  req: Pick<IncomingMessage, 'headers' | 'socket'>,
  trustedHeader: string | null,
): string | null {
  if (trustedHeader) {
    const raw = req.headers[trustedHeader.toLowerCase()];
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    const last = value?.split(',').pop()?.trim();
    if (last) return last.slice(0, 64);
  }
  const address = req.socket.remoteAddress ?? 'unknown';
  // A reverse proxy on the same host with no header configured: every client would share
  // one address, and its caps would become the relay's. Not counted per address then.
  if (!trustedHeader && isLoopback(address)) return null;
  return address;
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
