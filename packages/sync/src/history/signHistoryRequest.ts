import { historyRequestMessage, toHex } from '@trame/protocol';
import { sha256, sign, type Identity } from '@trame/crypto';

/** R105: the three headers that sign one request to `/history/…` for the relay at `host`. */
export function signHistoryRequest(
  identity: Identity,
  r: { method: string; path: string; host: string; body: Uint8Array; time: number },
): Record<string, string> {
  const message = historyRequestMessage({
    method: r.method,
    path: r.path,
    time: r.time,
    host: r.host,
    bodyHash: sha256(r.body),
  });
  return {
    'x-trame-identity': toHex(identity.publicKey),
    'x-trame-time': String(Math.trunc(r.time)),
    'x-trame-signature': toHex(sign(identity.secretKey, message)),
  };
}
