import { bytesEqual, MembershipAction, toHex, type MembershipFrame } from '@trame/protocol';

/**
 * Identities (hex) that can no longer connect once this accepted entry is applied, read from
 * the entry alone, for instances that did not run the fold themselves: a REMOVE takes access
 * from its subject (a member, or a pending invite being revoked), and so does a ROTATE whose
 * subject is not its signer (removal with new keys, R70); an ACCEPT consumes the invite identity
 * that signed it (R33, R35). Matches `diffMembershipState(...).lostAccess`.
 */
export function lostAccessOf(entry: MembershipFrame): string[] {
  switch (entry.action) {
    case MembershipAction.Remove:
      return [toHex(entry.subject)];
    case MembershipAction.Rotate:
      return bytesEqual(entry.subject, entry.signer) ? [] : [toHex(entry.subject)];
    case MembershipAction.Accept:
      return [toHex(entry.signer)];
    default:
      return [];
  }
}
