import { MembershipAction, TrameError } from '@trame/protocol';
import { sealKeyBundle, signMembershipEntry } from '@trame/crypto';
import type { InviteSessionPort, JoinSession } from './InviteSessionPort.js';
import type { MembershipPin } from './MembershipPin.js';
import { openAsInvite } from './openAsInvite.js';
import type { SpaceSessionOptions } from './SpaceSessionOptions.js';

/**
 * Joins a space through an invite link's token (R35): connects as the invite identity,
 * checks the pinned INVITE entry (R39), appends an ACCEPT that adds `o.identity` (on a linked
 * device: `o.person`, with this device certified as hers, R123) with the invite's role, then opens the space as `o.identity`, pinned to the verified log (save
 * `session.state.pin`). Works while no admin is online.
 */
export async function acceptInvite<S extends JoinSession>(
  o: SpaceSessionOptions & { invite: string },
  port: InviteSessionPort<S>,
  attempt = 1,
): Promise<S> {
  const { session: asInvite, secret, invite } = await openAsInvite(o, port);
  let pin: MembershipPin | null;
  try {
    // R76: without the relay's wrap secret the INVITE's bundle does not open: nothing to hand on.
    if (asInvite.state.keyBundle().size === 0) {
      throw new TrameError('NO_KEY', 'the space keys of this invite could not be opened');
    }
    const seq = asInvite.state.seq + 1;
    const epoch = asInvite.state.epoch;
    // R123: on a linked device the person joins, this device with her (both sealed to).
    const person = o.person ?? null;
    const newcomer = person?.key ?? o.identity.publicKey;
    const recipients = person ? [person.key, o.identity.publicKey] : [o.identity.publicKey];
    const entry = signMembershipEntry(
      {
        spaceId: secret.spaceId,
        seq,
        prevHash: asInvite.state.headHash,
        signer: asInvite.identity.publicKey,
        action: MembershipAction.Accept,
        subject: newcomer,
        role: invite.role,
        epoch,
        sealedKeys: recipients.map((recipient) => ({
          recipient,
          sealed: sealKeyBundle({ spaceId: secret.spaceId, seq, recipient, epoch }, asInvite.state.keyBundle()),
        })),
        ...(person ? { deviceChain: person.chain } : {}),
      },
      asInvite.identity,
    );
    await port.append(asInvite, entry, seq);
    pin = asInvite.state.pin;
  } catch (e) {
    // An animateur appended meanwhile (a ROTATE brings a new key, and its wrap comes only with
    // a new session, R75): join again on the new head rather than re-sign the old one.
    if (e instanceof TrameError && e.code === 'MEMBERSHIP_CHAIN' && attempt < 3) {
      asInvite.close();
      return acceptInvite(o, port, attempt + 1);
    }
    throw e;
  } finally {
    asInvite.close();
  }
  return port.open({ ...o, spaceId: secret.spaceId, pin });
}
