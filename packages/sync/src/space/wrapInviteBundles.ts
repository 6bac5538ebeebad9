import { encodeInviteWrap, MembershipAction, toHex, type SealedKey } from '@trame/protocol';
import { randomBytes, wrapInviteSealed } from '@trame/crypto';
import type { DraftFields } from './entryDrafts.js';
import type { SpaceState } from './SpaceState.js';

/**
 * R76 (MEMBERSHIP-3): every bundle an entry seals to an invite identity (an INVITE's subject, or
 * a pending invite a ROTATE hands the new key to) is wrapped under a fresh 32-byte secret, given
 * to the relay in an INVITE_WRAP frame sent just before the entry (R75). The relay hands it only
 * to that invite identity and deletes it when the invite ends, so the link alone, or the link
 * with a later copy of the relay's storage, opens none of them. Returns the wrapped fields and
 * the frames to send first.
 */
export function wrapInviteBundles(
  fields: DraftFields,
  state: SpaceState,
  seq: number,
): { fields: DraftFields; prefaces: Uint8Array[] } {
  const invites = state.membership.invites;
  const toInvite = (s: SealedKey): boolean =>
    fields.action === MembershipAction.Invite ||
    (fields.action === MembershipAction.Rotate && invites.has(toHex(s.recipient)));
  const prefaces: Uint8Array[] = [];
  const sealedKeys = fields.sealedKeys.map((s) => {
    if (!toInvite(s)) return s;
    const wrap = randomBytes(32);
    prefaces.push(encodeInviteWrap({ invite: s.recipient, seq, wrap }));
    return {
      recipient: s.recipient,
      sealed: wrapInviteSealed(wrap, s.sealed, { spaceId: state.spaceId, invite: s.recipient }),
    };
  });
  return { fields: { ...fields, sealedKeys }, prefaces };
}
