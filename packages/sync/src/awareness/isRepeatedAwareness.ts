import { bytesEqual } from '@trame/protocol';

/** Within this time an unchanged awareness state is not sent again (peers keep states 30 s). */
export const AWARENESS_RESEND_AFTER_MS = 15_000;

/**
 * R48: after a reconnect the provider announces the same state again (same awareness clock).
 * The others still hold it (states live 30 s and are renewed every 15 s with a new clock), so
 * repeating it only makes every peer verify one more signature — in a reconnect storm, n² of
 * them per document.
 */
export function isRepeatedAwareness(
  last: { payload: Uint8Array; at: number } | null,
  payload: Uint8Array,
  now: number,
): boolean {
  return last !== null && now - last.at < AWARENESS_RESEND_AFTER_MS && bytesEqual(last.payload, payload);
}
