import type { MembershipView } from '@trame/protocol';
import type { Identity } from '@trame/crypto';
import type { SpaceState } from '../space/SpaceState.js';

/** Who writes, where, with which keys: what sealing a content frame needs. */
export interface WriterContext {
  identity: Identity;
  space: SpaceState;
  docId: Uint8Array;
  /** The author's membership view put in every content frame (MEMBERSHIP-8). */
  membershipView: () => MembershipView;
}
