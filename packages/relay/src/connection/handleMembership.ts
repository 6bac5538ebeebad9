import { encodeAck, FrameKind, ZERO_ID, type MembershipFrame } from '@trame/protocol';
import { acceptMembership } from '../space/acceptMembership.js';
import type { Connection } from './Connection.js';

/**
 * R31-R33, R35: checks and stores a membership entry in one space transaction, then, in
 * acceptance order, ACKs it, forwards it to every other connection of the space and closes
 * the connections of identities that lost access (REMOVE, a consumed or revoked invite).
 * Roles are read from storage in each document write's transaction, so a SET_ROLE applies
 * to the very next write.
 */
export async function handleMembership(conn: Connection, frame: MembershipFrame): Promise<void> {
  const { ctx } = conn;
  const hello = conn.requireHello();
  const nowSeconds = Math.floor(ctx.now() / 1000);
  ctx.fanout.checkWritable();
  await ctx.spaceQueue.run(conn.spaceKey, async () => {
    const result = await ctx.storage.withSpace(hello.spaceId, (tx) =>
      acceptMembership(tx, frame, {
        spaceId: hello.spaceId,
        nowSeconds,
        create: false,
        inviteWraps: conn.inviteWraps.splice(0),
      }),
    );
    conn.send(
      encodeAck({
        ackedKind: FrameKind.Membership,
        ref: ZERO_ID,
        number: frame.seq,
        tailCount: 0,
        tailBytes: 0,
        duplicate: result.verdict === 'duplicate',
      }),
    );
    if (result.verdict === 'duplicate') return;
    conn.log('info', 'membership.accepted', { seq: frame.seq, action: frame.action });
    const live = { kind: 'membership', seq: frame.seq, raw: frame.raw } as const;
    ctx.fanout.publishMembership(conn.spaceKey, live, result.changes.lostAccess, conn);
  });
}
