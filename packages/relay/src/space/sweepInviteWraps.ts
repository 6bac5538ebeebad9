import type { RelayContext } from '../relay/RelayContext.js';

/**
 * R78 (MEMBERSHIP-3): deletes the wrap secrets of expired invites (accepted and revoked ones
 * go in the entry's own transaction). Run at start and with every heartbeat; a failure is
 * logged and retried at the next one. Returns how many were deleted.
 */
export async function sweepInviteWraps(ctx: RelayContext): Promise<number> {
  if (!ctx.storage.dropExpiredInviteWraps) return 0;
  try {
    const dropped = await ctx.storage.dropExpiredInviteWraps(Math.floor(ctx.now() / 1000));
    if (dropped > 0) ctx.logger.log('info', 'invites.wraps_dropped', { count: dropped });
    return dropped;
  } catch (e) {
    ctx.logger.log('warn', 'invites.sweep_failed', { error: e instanceof Error ? e.message.slice(0, 80) : 'unknown' });
    return 0;
  }
}
