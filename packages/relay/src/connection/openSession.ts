import {
  bytesEqual,
  CloseCode,
  encodeInviteWrap,
  encodeReady,
  FrameKind,
  isTrameError,
  isReadableProtocolVersion,
  PROTOCOL_VERSION,
  Role,
  TrameError,
  ZERO_ID,
} from '@trame/protocol';
import { canConnect } from '../space/canConnect.js';
import type { FrameCursor, InitialState, SpaceAccess } from '../storage/RelayStorage.js';
import type { Connection } from './Connection.js';

const AUTH_REF = { kind: FrameKind.Auth, ref: ZERO_ID, number: 0 };

/**
 * After AUTH (R11-R13): decides whether the identity may open what it asked for, then sends
 * the initial state (membership entries after the client's seq, latest snapshot unless the
 * client holds it, the tail, READY). The connection joins its rooms before the state is read
 * and queues what is accepted meanwhile, so nothing is lost or sent twice.
 */
export async function openSession(conn: Connection): Promise<void> {
  const { ctx } = conn;
  const hello = conn.requireHello();
  conn.phase = 'loading';
  const nowSeconds = Math.floor(ctx.now() / 1000);

  let access: SpaceAccess | null;
  try {
    access = await ctx.storage.access(hello.spaceId, hello.identity);
  } catch (e) {
    conn.unavailable(e, AUTH_REF, 0, CloseCode.Unavailable);
    return;
  }
  if (!access || !canConnect(access, conn.spaceLevel, nowSeconds)) {
    // R62: an unknown space and a space one may not open get the same answer, so that a key
    // pair cannot learn which ids exist. With CREATE both wait for a GENESIS: only storing it
    // can tell them apart, and that creates the space when it did not exist.
    if (!hello.create) throw new TrameError('NOT_A_MEMBER', 'not a member of the space');
    // R11: the space is created by the GENESIS entry this connection sends next.
    conn.phase = 'genesis';
    conn.awaitingGenesis();
    conn.send(
      encodeReady({
        role: Role.None,
        membershipSeq: -1,
        snapshotId: ZERO_ID,
        snapshotHeight: 0,
        tailCount: 0,
        tailBytes: 0,
      }),
    );
    conn.log('info', 'connection.awaiting_genesis');
    return;
  }
  conn.admitted(access.role !== Role.None);

  // R61: a loading connection holds its snapshot and a page of its tail: so many at a time.
  const release = await ctx.loads.acquire(conn.identityKey);
  try {
    if (conn.isClosed()) return;
    await serveInitialState(conn, nowSeconds);
  } finally {
    release();
  }
}

/** R13, R47, R48: reads the state and sends it at the client's pace, then READY and the queue. */
async function serveInitialState(conn: Connection, nowSeconds: number): Promise<void> {
  const { ctx } = conn;
  const hello = conn.requireHello();
  conn.startQueueing();
  ctx.hub.join(conn);
  let state: InitialState;
  try {
    // Subscribed before the read: whatever commits after it reaches the queue (R13).
    await ctx.fanout.join(conn.spaceKey, conn.docKey);
    state = await ctx.storage.initialState({
      spaceId: hello.spaceId,
      docId: conn.spaceLevel ? null : hello.docId,
      identity: hello.identity,
      afterSeq: hello.knownMembershipSeq,
      knownSnapshotId: hello.knownSnapshotId,
      withParent: hello.withParent,
      pageBytes: ctx.limits.initialStatePageBytes,
    });
    // Frames up to the state's position are in the queue too, so the filter drops them all.
    await ctx.fanout.settle(conn.spaceKey, conn.docKey, {
      membershipSeq: state.access?.seq ?? -1,
      documentSeq: state.head.seq,
    });
  } catch (e) {
    if (isTrameError(e) && e.code !== 'UNAVAILABLE') throw e;
    conn.unavailable(e, AUTH_REF, 0, CloseCode.Unavailable);
    return;
  }
  if (conn.isClosed()) return;
  // Membership may have changed between the two reads; the second one is what we serve.
  if (!state.access || !canConnect(state.access, conn.spaceLevel, nowSeconds)) {
    throw new TrameError('NOT_A_MEMBER', 'not a member of the space');
  }

  // R61: the log is read page by page too; its first page is read here, for the check below.
  let firstPage: Uint8Array[];
  try {
    firstPage = await state.membership.next();
  } catch (e) {
    conn.unavailable(e, AUTH_REF, 0, CloseCode.Unavailable);
    return;
  }
  // R38: a space whose log was written under a protocol older than 3 is refused with a typed
  // error, never served to a client that would fold it under the current rules (3 is read: 4
  // only added the device actions).
  const first = firstPage[0];
  if (first && !isReadableProtocolVersion(first[0]!)) {
    throw new TrameError(
      'UNSUPPORTED_VERSION',
      `space created with protocol ${first[0]}; this relay speaks ${PROTOCOL_VERSION}`,
    );
  }
  // R75: a pending invite identity gets its invite's wrap secret before the log (MEMBERSHIP-3).
  for (const { seq, wrap } of state.inviteWraps ?? []) {
    await conn.sendInitial(encodeInviteWrap({ invite: hello.identity, seq, wrap }));
  }
  for (const entry of firstPage) await conn.sendInitial(entry);
  // R48: a client that holds the latest snapshot and the first k updates of its tail (a
  // reconnect) gets only the rest; READY still reports the whole tail.
  const skip =
    !state.snapshot &&
    bytesEqual(hello.knownSnapshotId, state.head.snapshotId) &&
    hello.knownTailCount <= state.head.tailCount
      ? hello.knownTailCount
      : 0;
  try {
    await sendTail(conn, state.membership);
    // R53: a client that could not read the latest snapshot asked for its parent and tail too.
    if (state.snapshot && state.parent) {
      if (state.parent.snapshot) await conn.sendInitial(state.parent.snapshot);
      await sendTail(conn, state.parent.tail);
    }
    if (state.snapshot) await conn.sendInitial(state.snapshot);
    await state.tail.skip(skip);
    await sendTail(conn, state.tail);
  } catch (e) {
    // R61: the tail was pruned under a slow reader (SLOW_READER), or storage failed mid-way.
    if (isTrameError(e) && e.code === 'SLOW_READER') {
      conn.log('warn', 'connection.slow_reader', { compacted: true });
      conn.reject(e, AUTH_REF, 0, CloseCode.SlowReader);
    } else conn.unavailable(e, AUTH_REF, 0, CloseCode.Unavailable);
    return;
  }
  if (conn.isClosed()) return;
  conn.send(
    encodeReady({
      role: state.access.role,
      membershipSeq: state.access.seq,
      snapshotId: state.head.snapshotId,
      snapshotHeight: state.head.height,
      tailCount: state.head.tailCount,
      tailBytes: state.head.tailBytes,
    }),
  );
  conn.flushQueue({
    seq: state.access.seq,
    snapshotId: state.head.snapshotId,
    height: state.head.height,
    tailClocks: state.tailClocks,
  });
  if (conn.isClosed()) return;
  conn.loaded();
  conn.phase = 'open';
  conn.compactHello();
  // R47: a state read while nothing of the document waits for its sync is durable as served.
  if (!conn.spaceLevel && ctx.durability.isDurable(conn.roomKey!)) conn.send(ctx.durability.frame);
  conn.log('info', 'connection.ready', {
    role: state.access.role,
    entries: state.membership.count,
    snapshotSent: state.snapshot !== null,
    tailCount: state.head.tailCount,
    tailBytes: state.head.tailBytes,
    tailSkipped: skip,
  });
}

/**
 * R61: sends a tail (or the rest of the membership log) a page at a time, reading the next
 * page from storage only once the previous one is in the socket, at the reader's pace.
 */
async function sendTail(conn: Connection, cursor: FrameCursor): Promise<void> {
  while (!conn.isClosed()) {
    const page = await cursor.next();
    if (page.length === 0) return;
    for (const frame of page) await conn.sendInitial(frame);
  }
}
