import { toHex } from '@trame/protocol';
import { keyFingerprint } from '@trame/sync';
import type { SpaceSessionLike, SyncApi } from '../../sync/SyncApi.js';
import type { VerifiedInvite } from './VerifiedInvite.js';

/**
 * R39, MEMBERSHIP-1: reads an invite from the relay before anyone has an identity (the join
 * screen calls it before the newcomer picks a name). The sync layer connects as the link's own
 * key, checks that the relay's log holds, at its position, exactly the INVITE entry the link
 * pins (chained to the genesis), and returns that entry's role and signer. The fingerprint is
 * computed here from the signer's key, never taken from the link. Rejects with the sync
 * layer's typed errors: INVITE_MISMATCH (the relay serves another history: do not join),
 * INVALID_MEMBERSHIP (used or revoked), or a network error.
 */
export async function previewInvite<S extends SpaceSessionLike>(
  sync: Pick<SyncApi<S>, 'SpaceSession'>,
  o: { relayUrl: string; token: string },
): Promise<VerifiedInvite> {
  const p = await sync.SpaceSession.previewInvite({ relayUrl: o.relayUrl, invite: o.token });
  return {
    spaceId: toHex(p.spaceId),
    role: p.role,
    expiresAt: p.expiresAt,
    inviterId: toHex(p.inviter),
    inviterFingerprint: keyFingerprint(p.inviter),
  };
}
