import { TrameError } from '@trame/protocol';
import type { SpaceCreationPolicy } from '../admission/SpaceCreationPolicy.js';

/** What {@link checkSpaceCreation} needs to know about the creating connection. */
export interface CreatorFacts {
  /** The identity is a member of some space on this relay (asked only under `members`). */
  memberSomewhere: () => Promise<boolean>;
  /** The connection presented the operator's token at upgrade. */
  presentedToken: boolean;
}

/**
 * R68: a GENESIS is refused with `CREATION_FORBIDDEN` (final, close 4403) when the operator's
 * policy does not let this connection create a space. Checked before the space is looked up,
 * so the answer says nothing about which space ids exist (R62).
 */
export async function checkSpaceCreation(policy: SpaceCreationPolicy, creator: CreatorFacts): Promise<void> {
  if (policy.mode === 'token' && !creator.presentedToken) {
    throw new TrameError('CREATION_FORBIDDEN', "this relay creates spaces only with its operator's token");
  }
  if (policy.mode === 'members' && !(await creator.memberSomewhere())) {
    throw new TrameError('CREATION_FORBIDDEN', 'this relay creates spaces only for members of its spaces');
  }
}
