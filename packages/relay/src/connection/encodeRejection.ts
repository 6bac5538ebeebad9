import { encodeError, fromHex, ZERO_ID, type TrameError } from '@trame/protocol';
import type { FrameRef } from './FrameRef.js';

/** The ERROR frame (§3.10) answering the referenced frame with a TrameError. */
export function encodeRejection(error: TrameError, ref: FrameRef): Uint8Array {
  const latest = error.details.latestSnapshotId;
  return encodeError({
    code: error.number,
    refKind: ref.kind,
    ref: ref.ref,
    refNumber: ref.number,
    rangeFrom: error.details.range?.from ?? 0,
    rangeTo: error.details.range?.to ?? 0,
    latestSnapshotId: typeof latest === 'string' ? fromHex(latest) : ZERO_ID,
    message: error.message,
  });
}
