import { Role } from '@trame/protocol';
import type { OpenSpace } from '@trame/workspace';
import { app } from '$lib/app/app';
import { hasSingleAnimateur } from './hasSingleAnimateur';

/**
 * DEVICES-5 on the home screen: which of the spaces `ids()` (spaces this device has joined)
 * have this person as their single animateur, kept current from each space's verified membership log. Opens the
 * spaces through the client (they stay open for the client's lifetime anyway).
 */
export function useSingleAnimateurSpaces(ids: () => string[]): { readonly current: string[] } {
  let single = $state.raw<string[]>([]);
  $effect(() => {
    const client = app.client;
    const wanted = ids();
    if (!client) return;
    let alive = true;
    const flags: Record<string, boolean> = {};
    const offs: Array<() => void> = [];
    const publish = (): void => {
      if (alive) single = wanted.filter((id) => flags[id]);
    };
    for (const id of wanted) {
      client.openSpace(id).then(
        (space: OpenSpace) => {
          if (!alive) return;
          const check = (): void => {
            flags[id] = space.session.myRole === Role.Admin && hasSingleAnimateur(space.session.members());
            publish();
          };
          space.session.on('membership', check);
          offs.push(() => space.session.off('membership', check));
          check();
        },
        () => {},
      );
    }
    return () => {
      alive = false;
      for (const off of offs) off();
    };
  });
  return {
    get current() {
      return single;
    },
  };
}
