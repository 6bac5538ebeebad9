import { PAIRING } from '@trame/protocol';

/** R100: whether a pairing upgrade offers `trame-pair.1` (the `Sec-WebSocket-Protocol` list). */
export function offersPairingSubprotocol(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  const all = Array.isArray(header) ? header.join(',') : header;
  return all.split(',').some((p) => p.trim() === PAIRING.subprotocol);
}
