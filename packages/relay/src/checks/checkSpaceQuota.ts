import { TrameError } from '@trame/protocol';

/** Seconds a client is told to wait before re-sending into a full space. */
export const QUOTA_RETRY_SECONDS = 600;

/**
 * R67: a space stores at most `maxBytes` of frames (0: no quota). An UPDATE that would take it
 * past is `QUOTA_EXCEEDED` (connection kept). A SNAPSHOT gets `headroom` bytes more, so that a
 * full space can still compact: a snapshot, then one on it, prunes the history before (R28)
 * and frees room. Whatever its members do, a space never stores more than quota + headroom.
 */
export function checkSpaceQuota(
  storedBytes: number,
  frameBytes: number,
  snapshot: boolean,
  maxBytes: number,
  headroom: number,
): void {
  if (maxBytes <= 0) return;
  const limit = snapshot ? maxBytes + headroom : maxBytes;
  if (storedBytes + frameBytes <= limit) return;
  throw new TrameError(
    'QUOTA_EXCEEDED',
    `the space stores ${storedBytes} bytes of its ${maxBytes}: retry in ${QUOTA_RETRY_SECONDS} s, ` +
      'after a SNAPSHOT, or ask the operator for more room',
  );
}
