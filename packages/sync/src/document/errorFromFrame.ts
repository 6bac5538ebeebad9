import { errorCodeFromNumber, isZero, toHex, TrameError, type ErrorFrame } from '@trame/protocol';

/** The relay's ERROR frame as a TrameError, with its range and latest snapshot in `details`. */
export function errorFromFrame(e: ErrorFrame): TrameError {
  const details: Record<string, unknown> = {};
  if (e.rangeFrom || e.rangeTo) details.range = { from: e.rangeFrom, to: e.rangeTo };
  if (!isZero(e.latestSnapshotId)) details.latestSnapshotId = toHex(e.latestSnapshotId);
  return new TrameError(errorCodeFromNumber(e.code), e.message || undefined, details);
}
