import type { EphemeralFrame } from '@trame/protocol';
import { checkContentTarget } from '../checks/checkContentTarget.js';
import type { Connection } from './Connection.js';

/**
 * R27: awareness is forwarded after R23's author and target checks (any role, viewers
 * included), within R63's budget, never stored and never acknowledged.
 */
export async function handleEphemeral(conn: Connection, frame: EphemeralFrame): Promise<void> {
  checkContentTarget(frame, conn.target);
  // R63: over its identity's awareness budget in this document, the frame is dropped unanswered.
  if (!conn.spendEphemeral(frame.raw.length)) return;
  const live = { kind: 'ephemeral', raw: frame.raw } as const;
  conn.ctx.fanout.publishEphemeral(conn.spaceKey, conn.docKey!, live, conn);
}
