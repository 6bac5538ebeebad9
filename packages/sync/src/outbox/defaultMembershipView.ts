import { VIEW_HEAD_BYTES, type MembershipView } from '@trame/protocol';
import type { SpaceState } from '../space/SpaceState.js';

/** MEMBERSHIP-8: the last verified entry of the space's log (seq, first 8 bytes of its hash). */
export function defaultMembershipView(space: SpaceState): MembershipView {
  const seq = space.seq;
  return {
    viewSeq: seq,
    viewHead: seq < 0 ? new Uint8Array(VIEW_HEAD_BYTES) : space.headHash.slice(0, VIEW_HEAD_BYTES),
  };
}
