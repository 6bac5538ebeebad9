import type { MembershipState } from '@trame/protocol';
import type { SpaceRecord } from '../storage/RelayStorage.js';

/**
 * The fold state the shared `applyMembershipEntry` works on, from what storage keeps.
 * `keyCommits` and `epochWriters` start empty: they only matter to clients (checking keys,
 * R72; judging frames of past epochs, R74), never to a relay decision, so the relay does not
 * persist them.
 */
export function toMembershipState(space: SpaceRecord): MembershipState {
  return {
    spaceId: space.spaceId,
    seq: space.seq,
    headHash: space.headHash,
    epoch: space.epoch,
    members: space.members,
    invites: space.invites,
    // The rows flatten devices into members (R98): exact only for a space without devices;
    // decisions use `foldStoredLog`.
    devices: new Map(),
    rotationOwed: new Set(),
    keyCommits: new Map(),
    epochWriters: new Map(),
  };
}
