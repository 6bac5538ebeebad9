import { bytesEqual, MembershipAction, toHex, type MembershipFrame } from '@trame/protocol';

/**
 * Identities (hex) that can no longer connect once this accepted entry is applied, read from
 * the entry alone, for instances that did not run the fold themselves: a REMOVE takes access
 * from its subject (a member, or a pending invite being revoked), and so does a ROTATE whose
 * subject is not its signer (removal with new keys, R70); an ACCEPT consumes the invite identity
 * that signed it (R33, R35); a DEVICE_REMOVE takes it from the device (R95). Matches
 * `diffMembershipState(...).lostAccess`, except for a removed person's linked devices, which
 * the entry does not name: the accepting instance publishes its own list beside the entry (a
 * `revoke` message, RedisFanout); this is the fallback for an instance that missed it.
 */
export function lostAccessOf(entry: MembershipFrame): string[] {
  switch (entry.action) {
    case MembershipAction.Remove:
      return [toHex(entry.subject)];
    case MembershipAction.Rotate:
      return bytesEqual(entry.subject, entry.signer) ? [] : [toHex(entry.subject)];
    case MembershipAction.Accept:
      return [toHex(entry.signer)];
    case MembershipAction.DeviceRemove:
      // R95: the removed device (R33 closes it like a removed member).
      return [toHex(entry.subject)];
    default:
      return [];
  }
}
