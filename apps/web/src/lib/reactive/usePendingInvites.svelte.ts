import type { PendingInviteInfo, SpaceSessionLike } from '@trame/workspace';

/** A space's pending invites (role, expiry, inviter), kept current from the verified log. */
export function usePendingInvites(session: SpaceSessionLike): { readonly invites: PendingInviteInfo[] } {
  let invites = $state.raw(session.pendingInvites());
  const refresh = (): void => {
    invites = session.pendingInvites();
  };
  session.on('membership', refresh);
  $effect(() => () => session.off('membership', refresh));
  return {
    get invites() {
      return invites;
    },
  };
}
