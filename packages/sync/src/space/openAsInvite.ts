import {
  bytesEqual,
  decodeFrame,
  MembershipAction,
  TrameError,
  type MembershipFrame,
  type PendingInvite,
} from '@trame/protocol';
import { identityFromSeed, sha256 } from '@trame/crypto';
import { decodeInviteToken, type InviteSecret } from './inviteToken.js';
import type { InviteSessionPort, JoinSession } from './InviteSessionPort.js';
import type { SpaceSessionOptions } from './SpaceSessionOptions.js';

/**
 * Connects as the invite identity and checks that the relay's log holds exactly the INVITE
 * entry the link pins (R39), which chains to the space's genesis (`INVITE_MISMATCH` otherwise),
 * and that the invite is still pending. The caller closes the session.
 */
export async function openAsInvite<S extends JoinSession>(
  o: SpaceSessionOptions & { invite: string },
  port: InviteSessionPort<S>,
): Promise<{ session: S; secret: InviteSecret; invite: PendingInvite; entry: MembershipFrame }> {
  const secret = decodeInviteToken(o.invite);
  const inviteIdentity = identityFromSeed(secret.seed);
  const pin = { genesisHash: null, seq: secret.inviteSeq, headHash: secret.inviteHash };
  const session = port.connect({
    relayUrl: o.relayUrl,
    identity: inviteIdentity,
    spaceId: secret.spaceId,
    WebSocketImpl: o.WebSocketImpl,
    pin,
  });
  try {
    await session.whenReady();
  } catch (e) {
    session.close();
    // Any log refused before the pinned entry is another history than the link's.
    if (session.state.refused) {
      throw new TrameError('INVITE_MISMATCH', 'the relay does not hold the history this invite link pins', {
        cause: e,
      });
    }
    throw e;
  }
  const raw = session.state.entries[secret.inviteSeq];
  const entry = raw ? (decodeFrame(raw) as MembershipFrame) : null;
  const invite = session.state.membership.invites.get(session.state.selfId);
  if (
    !entry ||
    entry.action !== MembershipAction.Invite ||
    !bytesEqual(entry.subject, inviteIdentity.publicKey) ||
    !bytesEqual(sha256(raw!), secret.inviteHash)
  ) {
    session.close();
    throw new TrameError('INVITE_MISMATCH', 'the relay does not hold the INVITE entry this link pins');
  }
  if (!invite) {
    session.close();
    throw new TrameError('INVALID_MEMBERSHIP', 'this invite was used or revoked');
  }
  return { session, secret, invite, entry };
}
