import type { EphemeralFrame } from '@trame/protocol';
import { checkContentTarget } from '../checks/checkContentTarget.js';
import type { Connection } from './Connection.js';

/**
 * R27: awareness is forwarded after R23's author and target checks (any role, viewers
 * included), never stored and never acknowledged.
 */
export async function handleEphemeral(conn: Connection, frame: EphemeralFrame): Promise<void> {
  checkContentTarget(frame, conn.target);
  const live = { kind: 'ephemeral', raw: frame.raw } as const;
  conn.ctx.fanout.publishEphemeral(conn.spaceKey, conn.docKey!, live, conn);
}
