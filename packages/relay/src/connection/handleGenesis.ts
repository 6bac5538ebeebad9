import {
  bytesEqual,
  CloseCode,
  encodeAck,
  FrameKind,
  isTrameError,
  MembershipAction,
  TrameError,
  ZERO_ID,
  type MembershipFrame,
} from '@trame/protocol';
import { checkSpaceCreation } from '../checks/checkSpaceCreation.js';
import { acceptMembership } from '../space/acceptMembership.js';
import type { Connection } from './Connection.js';

/**
 * R11/R30: on a CREATE connection to an unknown space the only frame accepted is a GENESIS
 * entry signed by the connection's identity, for that space. Once stored, the connection is
 * an ordinary one of the new space (its creator is its first admin).
 */
export async function handleGenesis(conn: Connection, frame: MembershipFrame): Promise<void> {
  const { ctx } = conn;
  const hello = conn.requireHello();
  if (!bytesEqual(frame.spaceId, hello.spaceId)) throw new TrameError('WRONG_TARGET', 'genesis for another space');
  if (frame.action !== MembershipAction.Genesis) {
    throw new TrameError('INVALID_MEMBERSHIP', 'the first entry of a space is its GENESIS');
  }
  if (!bytesEqual(frame.signer, hello.identity)) {
    throw new TrameError('AUTHOR_MISMATCH', 'the GENESIS must be signed by the connection identity');
  }
  // R68: the operator's policy says who may create a space at all.
  try {
    await checkSpaceCreation(ctx.spaceCreation, {
      memberSomewhere: () => ctx.storage.memberOfAnySpace(hello.identity),
      presentedToken: conn.presentedCreationToken,
    });
  } catch (e) {
    if (isTrameError(e)) ctx.metrics.quotaHit('space_creation');
    throw e;
  }
  // R65: and how many per hour per client address.
  const wait = conn.address === null ? 0 : ctx.budgets.spaceCreation.take(conn.address);
  if (wait > 0) {
    ctx.metrics.quotaHit('space_creation');
    const retry = Number.isFinite(wait) ? `retry in ${Math.ceil(wait / 1000)} s` : 'creation is closed on this relay';
    throw new TrameError('RATE_LIMITED', `space creation limit: ${retry}`);
  }
  const nowSeconds = Math.floor(ctx.now() / 1000);
  await ctx.spaceQueue.run(conn.spaceKey, async () => {
    const result = await ctx.storage
      .withSpace(hello.spaceId, (tx) =>
        acceptMembership(tx, frame, { spaceId: hello.spaceId, nowSeconds, create: true }),
      )
      .catch((e: unknown) => {
        // R62: a space that exists and that this identity may not open is answered as at HELLO.
        if (isTrameError(e) && e.code === 'SPACE_EXISTS')
          throw new TrameError('NOT_A_MEMBER', 'not a member of the space');
        throw e;
      });
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
    if (conn.isClosed()) return;
    conn.phase = 'open';
    conn.admitted(true);
    ctx.hub.join(conn);
    conn.log('info', 'space.created');
  });
  // Outside the space queue: joining may read the space's position, which the queue serializes.
  if (conn.phase !== 'open') return;
  try {
    await ctx.fanout.join(conn.spaceKey, null);
  } catch (e) {
    conn.unavailable(e, { kind: FrameKind.Membership, ref: ZERO_ID, number: frame.seq }, 0, CloseCode.Unavailable);
  }
}
