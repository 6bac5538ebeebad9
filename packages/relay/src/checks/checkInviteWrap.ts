import {
  bytesEqual,
  toHex,
  TrameError,
  type InviteWrapFrame,
  type MembershipFrame,
  type PendingInvite,
} from '@trame/protocol';
import type { InviteWrapRecord } from '../storage/RelayStorage.js';

/**
 * R75 (MEMBERSHIP-3): every bundle an entry seals to an invite identity (an INVITE's subject, or
 * a pending invite a ROTATE hands the new key to) comes with its wrap secret, sent by the same
 * connection in an INVITE_WRAP naming that identity and the entry's seq just before the entry.
 * `invites` are the pending invites after the entry. Returns what to store with the entry;
 * throws INVITE_WRAP_MISSING otherwise.
 */
export function checkInviteWrap(
  entry: MembershipFrame,
  invites: ReadonlyMap<string, PendingInvite>,
  wraps: readonly InviteWrapFrame[],
): InviteWrapRecord[] {
  const records: InviteWrapRecord[] = [];
  for (const s of entry.sealedKeys) {
    const identity = toHex(s.recipient);
    const invite = invites.get(identity);
    if (!invite) continue;
    const wrap = wraps.find((w) => w.seq === entry.seq && bytesEqual(w.invite, s.recipient));
    if (!wrap) {
      throw new TrameError(
        'INVITE_WRAP_MISSING',
        `send the INVITE_WRAP of each invite recipient before entry ${entry.seq}`,
      );
    }
    records.push({ identity, seq: entry.seq, wrap: wrap.wrap.slice(), expiresAt: invite.expiresAt });
  }
  return records;
}
