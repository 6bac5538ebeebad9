import { TRAME_SUBPROTOCOL } from '@trame/protocol';

/**
 * R9: whether an upgrade's `Sec-WebSocket-Protocol` header offers `trame.<version>`. The
 * header is a comma-separated list; a client may offer several versions.
 */
export function offersSubprotocol(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  const all = Array.isArray(header) ? header.join(',') : header;
  return all.split(',').some((p) => p.trim() === TRAME_SUBPROTOCOL);
}
