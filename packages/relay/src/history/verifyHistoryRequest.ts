import { fromHex, historyRequestMessage } from '@trame/protocol';
import { verifyEd25519 } from '../crypto/verifyEd25519.js';

/** The signature headers of a history request (R105). */
export interface HistoryRequestHeaders {
  /** `x-trame-identity`: hex of the member's Ed25519 public key. */
  identity: string | undefined;
  /** `x-trame-time`: unix milliseconds, decimal. */
  time: string | undefined;
  /** `x-trame-signature`: hex of the Ed25519 signature. */
  signature: string | undefined;
}

/**
 * R105: a request to `/history/…` names its identity and is signed by it over its method, path,
 * time, the relay host it addresses and the SHA-256 of its body (`historyRequestMessage`), with
 * a time within `skewMs` of the relay's clock. The host must be one this relay answers to (R16:
 * `hosts`, from PUBLIC_HOST or the request's Host). Returns the identity, or why it is refused
 * (401): the relay then reads nothing else of the request.
 */
export function verifyHistoryRequest(
  h: HistoryRequestHeaders,
  f: { method: string; path: string; bodyHash: Uint8Array; hosts: readonly string[]; now: number; skewMs: number },
): { identity: Uint8Array } | { refuse: string } {
  if (!h.identity || !/^[0-9a-f]{64}$/.test(h.identity)) return { refuse: 'missing or malformed identity' };
  if (!h.signature || !/^[0-9a-f]{128}$/.test(h.signature)) return { refuse: 'missing or malformed signature' };
  if (!h.time || !/^[0-9]{1,16}$/.test(h.time)) return { refuse: 'missing or malformed time' };
  const time = Number(h.time);
  if (Math.abs(time - f.now) > f.skewMs) return { refuse: 'request time too far from the relay clock' };
  const identity = fromHex(h.identity);
  const signature = fromHex(h.signature);
  for (const host of f.hosts) {
    const message = historyRequestMessage({ method: f.method, path: f.path, time, host, bodyHash: f.bodyHash });
    if (verifyEd25519(identity, message, signature)) return { identity };
  }
  return { refuse: `signature does not verify for this relay (${f.hosts.join(', ') || 'no host'})` };
}
