import type { Role } from '@trame/protocol';
import type { SpaceMemberInfo, SpaceSessionLike } from '@trame/workspace';

/** A space's members and my role, kept current from the verified membership log. */
export function useMembership(session: SpaceSessionLike): {
  readonly members: SpaceMemberInfo[];
  readonly myRole: Role;
} {
  let members = $state.raw(session.members());
  let myRole = $state(session.myRole);
  const refresh = (): void => {
    members = session.members();
    myRole = session.myRole;
  };
  session.on('membership', refresh);
  $effect(() => () => session.off('membership', refresh));
  return {
    get members() {
      return members;
    },
    get myRole() {
      return myRole;
    },
  };
}
