import { bytesEqual, TrameError } from '@trame/protocol';

/**
 * MEMBERSHIP-8: a peer's view of the membership log (seq, first bytes of that entry's hash),
 * carried signed in its content frames, against this client's log. `heldHead(seq)` is the
 * head-hash prefix this client has at `seq`. A different hash at a seq both hold means the
 * relay serves two branches (`MEMBERSHIP_FORK`); a peer ahead means entries were not served
 * to this client yet ('ahead': fetch them).
 */
export function checkMembershipView(
  view: { viewSeq: number; viewHead: Uint8Array },
  mySeq: number,
  heldHead: (seq: number) => Uint8Array | undefined,
): TrameError | 'ahead' | null {
  if (view.viewSeq < 0) return null;
  if (view.viewSeq > mySeq) return 'ahead';
  const held = heldHead(view.viewSeq);
  if (!held || bytesEqual(held.subarray(0, view.viewHead.length), view.viewHead)) return null;
  return new TrameError('MEMBERSHIP_FORK', `a peer's membership log has another entry at seq ${view.viewSeq}`);
}
