import { ZERO_HASH } from '../frames/zero.js';
import type { MembershipState } from './MembershipState.js';

/** The state of a space before its genesis entry. */
export function emptyMembershipState(spaceId: Uint8Array): MembershipState {
  return {
    spaceId,
    seq: -1,
    headHash: ZERO_HASH,
    epoch: 0,
    members: new Map(),
    invites: new Map(),
    devices: new Map(),
    rotationOwed: new Set(),
    keyCommits: new Map(),
    epochWriters: new Map(),
  };
}
