import type { Inflight } from './Inflight.js';

/** An empty Yjs update: the content of a signed checkpoint (R51). */
export const EMPTY_YJS_UPDATE = new Uint8Array([0, 0]);

/**
 * Whether local edits wait for an ACK (pending or in flight). A signed checkpoint (R51, the very
 * `EMPTY_YJS_UPDATE` array) carries no edit: it does not make the text "unsaved".
 */
export function hasUnsavedEdits(pending: readonly Uint8Array[], inflight: Inflight | null): boolean {
  const checkpoint = (u: Uint8Array | undefined): boolean => u === EMPTY_YJS_UPDATE;
  const waiting = pending.length > 1 || (pending.length === 1 && !checkpoint(pending[0]));
  return waiting || (inflight !== null && !(inflight.kind === 'update' && checkpoint(inflight.content)));
}
