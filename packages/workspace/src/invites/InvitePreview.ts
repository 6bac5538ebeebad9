import type { Role } from '@trame/protocol';
import type { SpaceKind } from '../space/SpaceIndex.js';

/**
 * What an invite link tells the invitee before they are asked anything (MINUTES-8): the
 * collective, the space, the role and who invites. It travels after `#` with the token, so
 * the relay never sees it. It is what the inviter's app wrote into the link, not yet checked
 * against the space (the invitee cannot read the space before joining): after joining, the
 * app shows the space and role as the verified log says.
 */
export interface InvitePreview {
  collective: string;
  space: string;
  kind: SpaceKind;
  role: Role;
  inviter: string;
}
