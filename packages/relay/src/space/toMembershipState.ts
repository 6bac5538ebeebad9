import type { MembershipState } from '@trame/protocol';
import type { SpaceRecord } from '../storage/RelayStorage.js';

/**
 * The fold state the shared `applyMembershipEntry` works on, from what storage keeps.
 * `everWriters` starts empty: it only matters to clients judging old updates (R40), never to
 * a relay decision, so the relay does not persist it.
 */
export function toMembershipState(space: SpaceRecord): MembershipState {
  return {
    spaceId: space.spaceId,
    seq: space.seq,
    headHash: space.headHash,
    epoch: space.epoch,
    members: space.members,
    invites: space.invites,
    everWriters: new Set(),
  };
}
