import { bytesEqual, TrameError, type InviteWrapFrame, type MembershipFrame } from '@trame/protocol';
import { checkInviteWrap } from '../checks/checkInviteWrap.js';
import { checkMembership, type MembershipVerdict } from '../checks/checkMembership.js';
import type { SpaceTransaction } from '../storage/RelayStorage.js';
import { foldStoredLog, rememberFold } from './foldStoredLog.js';

/** Context of a membership write. */
export interface MembershipContext {
  /** The connection's space. */
  spaceId: Uint8Array;
  nowSeconds: number;
  /** The connection asked to create the space (R11): only a genesis for a new space is valid. */
  create: boolean;
  /** R75: the INVITE_WRAPs the connection sent before this entry. */
  inviteWraps?: readonly InviteWrapFrame[];
}

/**
 * Runs inside one space transaction (R33): reads the folded state, decides with the shared
 * fold, and stores the entry with its state changes when accepted. Throws TrameError.
 */
export async function acceptMembership(
  tx: SpaceTransaction,
  frame: MembershipFrame,
  ctx: MembershipContext,
): Promise<MembershipVerdict> {
  if (!bytesEqual(frame.spaceId, ctx.spaceId)) {
    throw new TrameError('WRONG_TARGET', 'membership entry for another space than the connection');
  }
  const space = await tx.load();
  const stored = space && frame.seq <= space.seq ? await tx.entry(frame.seq) : null;
  if (ctx.create && space && !(stored && bytesEqual(stored, frame.raw))) {
    throw new TrameError('SPACE_EXISTS', 'the space was created meanwhile');
  }
  if (stored && bytesEqual(stored, frame.raw)) return { verdict: 'duplicate' };
  // R97: the fold's device layer comes from the stored log (the rows flatten it).
  const folded = space ? await foldStoredLog(tx, space) : undefined;
  const result = checkMembership({ spaceId: ctx.spaceId, space, stored, nowSeconds: ctx.nowSeconds, folded }, frame);
  if (result.verdict === 'append') {
    rememberFold(result.next);
    const inviteWraps = checkInviteWrap(frame, result.next.invites, ctx.inviteWraps ?? []);
    await tx.append({
      inviteWraps,
      seq: frame.seq,
      frame: frame.raw,
      hash: result.hash,
      epoch: result.next.epoch,
      setMembers: result.changes.setMembers,
      deleteMembers: result.changes.deleteMembers,
      setInvites: result.changes.setInvites,
      deleteInvites: result.changes.deleteInvites,
    });
  }
  return result;
}
