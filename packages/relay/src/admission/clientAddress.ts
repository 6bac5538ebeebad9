import type { IncomingMessage } from 'node:http';

/**
 * The address a connection is counted under (R60). Behind a reverse proxy every socket comes
 * from the proxy, so the operator names the header the proxy sets (`TRUSTED_PROXY_HEADER`,
 * e.g. `x-forwarded-for`); its last entry is the one the proxy appended, the others are
 * whatever the client claimed. Without a configured header the header is never read: a client
 * could otherwise pick a fresh address for every connection.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedHeader: string | null): string {
  if (trustedHeader) {
    const raw = req.headers[trustedHeader.toLowerCase()];
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    const last = value?.split(',').pop()?.trim();
    if (last) return last.slice(0, 64);
  }
  return req.socket.remoteAddress ?? 'unknown';
}
