import { Role } from '@trame/protocol';
import { expiryDate, type InviteExpiry } from '../../invites/expiryDate.js';
import { inviteExpiryChoices } from '../../invites/inviteExpiryChoices.js';
import { inviteLink } from '../../invites/inviteLink.js';
import type { SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';
import { WorkspaceError } from '../WorkspaceError.js';
import { invitePreviewFor } from './invitePreviewFor.js';

/**
 * Creates an invite link for `spaceId` (animateurs only, else `FORBIDDEN`). The token goes in
 * the URL fragment (never sent to a server), followed by the preview the invitee reads first;
 * `origin` is the app's own origin.
 */
export async function createInvite<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  spaceId: string,
  o: { role: Role; expiry: InviteExpiry; origin: string },
): Promise<string> {
  const space = await core.openSpace(spaceId);
  if (space.session.myRole !== Role.Admin) throw new WorkspaceError('FORBIDDEN', 'only animateurs invite');
  // R77: an animateur invite must expire; the relay would refuse it anyway.
  if (!inviteExpiryChoices(o.role).includes(o.expiry)) {
    throw new WorkspaceError('FORBIDDEN', 'an animateur invite expires within 7 days');
  }
  const expiresAt = expiryDate(o.expiry, core.now()) ?? 'never';
  const token = await space.session.createInvite({ role: o.role, expiresAt });
  return inviteLink(o.origin, token, await invitePreviewFor(core, space, o.role));
}
