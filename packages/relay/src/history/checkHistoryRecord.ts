import { bytesEqual, isZero } from '@trame/protocol';

/** The ids and author a version or name record carries (PROTOCOL.md §10.2, §10.3). */
export interface HistoryRecordFacts {
  spaceId: Uint8Array;
  docId: Uint8Array;
  versionId: Uint8Array;
  epoch: number;
  author: Uint8Array;
}

/**
 * R107 (and R109 for names): a record sent to `PUT /history/<space>/<doc>/<version>[/name]` names
 * that space, document and version (a non-zero id), its author is the identity that signed the
 * request, and its epoch is the space's current one: once a ROTATE opened a new epoch, nothing
 * more is stored under an older key (as R23 for frames), so a member removed by that rotation
 * never holds the key of a version written after it. Returns the HTTP status and reason, or null.
 */
export function checkHistoryRecord(
  r: HistoryRecordFacts,
  target: { spaceId: Uint8Array; docId: Uint8Array; versionId: Uint8Array; identity: Uint8Array; epoch: number },
): { status: number; reason: string } | null {
  if (!bytesEqual(r.spaceId, target.spaceId) || !bytesEqual(r.docId, target.docId))
    return { status: 400, reason: 'record for another space or document than the path' };
  if (!bytesEqual(r.versionId, target.versionId) || isZero(r.versionId))
    return { status: 400, reason: 'record for another version than the path' };
  if (!bytesEqual(r.author, target.identity)) return { status: 403, reason: 'author is not the requesting identity' };
  if (r.epoch !== target.epoch)
    return { status: 409, reason: `stale epoch ${r.epoch}, the space is at ${target.epoch}` };
  return null;
}
