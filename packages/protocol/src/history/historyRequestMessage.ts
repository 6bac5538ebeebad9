import { concatBytes } from '../util/concatBytes.js';
import { HISTORY_DOMAIN } from './HISTORY_DOMAIN.js';

/** What a history request binds (R105). */
export interface HistoryRequestFacts {
  /** Upper-case HTTP method. */
  method: string;
  /** The request path without query, e.g. `/history/<space>/<doc>`. */
  path: string;
  /** Unix milliseconds of the client's clock (`x-trame-time`). */
  time: number;
  /** The relay host the client addresses (R16's `relayHostOf` of its URL). */
  host: string;
  /** SHA-256 of the request body (of the empty string for none). */
  bodyHash: Uint8Array;
}

/**
 * R105: the message a member signs for one HTTP request to `/history/…`:
 * `"trame/v1/history-request\0" ‖ UTF-8(method "\n" path "\n" time "\n" host "\n") ‖ SHA-256(body)`.
 */
export function historyRequestMessage(f: HistoryRequestFacts): Uint8Array {
  const text = new TextEncoder().encode(`${f.method}\n${f.path}\n${Math.trunc(f.time)}\n${f.host}\n`);
  return concatBytes(HISTORY_DOMAIN.request, text, f.bodyHash);
}
