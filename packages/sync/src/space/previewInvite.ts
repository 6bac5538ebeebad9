import { identityFromSeed } from '@trame/crypto';
import type { InvitePreview } from './InvitePreview.js';
import type { InviteSessionPort, JoinSession } from './InviteSessionPort.js';
import { decodeInviteToken } from './inviteToken.js';
import { keyFingerprint } from './keyFingerprint.js';
import { openAsInvite } from './openAsInvite.js';
import type { SpaceSessionOptions } from './SpaceSessionOptions.js';

/**
 * R39: what an invite link grants and who made it (the INVITE's signer and a short
 * fingerprint of its key), after checking that the relay holds the pinned history. Shown on
 * the join screen before the newcomer accepts.
 */
export async function previewInvite<S extends JoinSession>(
  o: Omit<SpaceSessionOptions, 'identity' | 'cache' | 'pin'> & { invite: string },
  port: InviteSessionPort<S>,
): Promise<InvitePreview> {
  const { session, secret, invite, entry } = await openAsInvite(
    { ...o, identity: identityFromSeed(decodeInviteToken(o.invite).seed) },
    port,
  );
  session.close();
  return {
    spaceId: secret.spaceId,
    role: invite.role,
    expiresAt: invite.expiresAt,
    inviter: entry.signer.slice(),
    inviterFingerprint: keyFingerprint(entry.signer),
  };
}
