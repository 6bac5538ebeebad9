import { decodeFrame, FrameKind, frameKindName, isTrameError, TrameError, type Frame } from '@trame/protocol';
import type { Connection } from './Connection.js';
import { frameRef, rawFrameRef } from './FrameRef.js';
import { handleAuth } from './handleAuth.js';
import { handleEphemeral } from './handleEphemeral.js';
import { handleGenesis } from './handleGenesis.js';
import { handleHello } from './handleHello.js';
import { handleInviteWrap } from './handleInviteWrap.js';
import { handleMembership } from './handleMembership.js';
import { handleSnapshot } from './handleSnapshot.js';
import { handleUpdate } from './handleUpdate.js';

/**
 * The relay's message handler: parses one frame strictly (R2, first), routes it by the
 * connection's phase (R4), and turns what the handlers throw into ERROR frames: TrameErrors
 * as themselves, anything else as UNAVAILABLE (R29) with nothing acknowledged.
 */
export async function handleFrame(conn: Connection, raw: Uint8Array): Promise<void> {
  let frame: Frame;
  try {
    frame = decodeFrame(raw);
  } catch (e) {
    const error = isTrameError(e) ? e : new TrameError('MALFORMED_FRAME', 'unparsable frame');
    conn.reject(error, rawFrameRef(raw), raw.length);
    return;
  }
  try {
    await route(conn, frame);
    if (conn.logs('debug')) conn.log('debug', 'frame.handled', { kind: frameKindName(frame.kind), bytes: raw.length });
  } catch (e) {
    if (isTrameError(e)) conn.reject(e, frameRef(frame), raw.length);
    else conn.unavailable(e, frameRef(frame), raw.length, null);
  }
}

function route(conn: Connection, frame: Frame): Promise<void> {
  switch (conn.phase) {
    case 'hello':
      if (frame.kind === FrameKind.Hello) return handleHello(conn, frame);
      break;
    case 'auth':
      if (frame.kind === FrameKind.Auth) return handleAuth(conn, frame);
      break;
    case 'genesis':
      if (frame.kind === FrameKind.Membership) return handleGenesis(conn, frame);
      break;
    case 'open':
      // R65: content and membership bytes count against the byte budgets first.
      if (frame.kind !== FrameKind.Ephemeral) conn.spendBytes(frame.raw.length);
      switch (frame.kind) {
        case FrameKind.Update:
          return handleUpdate(conn, frame);
        case FrameKind.Snapshot:
          return handleSnapshot(conn, frame);
        case FrameKind.Ephemeral:
          return handleEphemeral(conn, frame);
        case FrameKind.Membership:
          return handleMembership(conn, frame);
        case FrameKind.InviteWrap:
          return handleInviteWrap(conn, frame);
      }
      break;
    default:
      break;
  }
  throw new TrameError('UNEXPECTED_FRAME', `${frameKindName(frame.kind)} is not allowed in phase ${conn.phase}`);
}
