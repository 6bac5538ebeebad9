import type { InviteWrapFrame } from '@trame/protocol';
import type { Connection } from './Connection.js';

/** An entry seals to at most this many invite identities (a ROTATE with many pending invites). */
const MAX_HELD = 256;

/**
 * R75: an animateur's client sends the wrap secrets of the bundles an entry seals to invite
 * identities just before the entry. They are only held on the connection until the next
 * membership entry, and stored with it once it is accepted; they are not answered (the entry's
 * ACK or ERROR covers them).
 */
export async function handleInviteWrap(conn: Connection, frame: InviteWrapFrame): Promise<void> {
  if (conn.inviteWraps.length >= MAX_HELD) conn.inviteWraps.shift();
  conn.inviteWraps.push(frame);
}
