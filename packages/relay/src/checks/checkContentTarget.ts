import { bytesEqual, isZero, TrameError } from '@trame/protocol';

/** The space, document and identity a connection authenticated for. */
export interface ConnectionTarget {
  spaceId: Uint8Array;
  /** All zeros for a space-level connection. */
  docId: Uint8Array;
  identity: Uint8Array;
}

/**
 * R23's checks that need no storage: a content frame (UPDATE, SNAPSHOT, EPHEMERAL) is
 * written by the connection's identity, for the connection's space and document. A
 * space-level connection carries membership only.
 */
export function checkContentTarget(
  frame: { spaceId: Uint8Array; docId: Uint8Array; author: Uint8Array },
  target: ConnectionTarget,
): void {
  if (isZero(target.docId)) {
    throw new TrameError('WRONG_TARGET', 'a space-level connection carries membership entries only');
  }
  if (!bytesEqual(frame.author, target.identity)) {
    throw new TrameError('AUTHOR_MISMATCH', 'author is not the authenticated identity');
  }
  if (!bytesEqual(frame.spaceId, target.spaceId) || !bytesEqual(frame.docId, target.docId)) {
    throw new TrameError('WRONG_TARGET', 'frame is for another space or document than the connection');
  }
}
