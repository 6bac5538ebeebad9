import { readPresence, type PresentPerson } from '@trame/workspace';
import type { Awareness } from 'y-protocols/awareness';

/** The people present in a document, kept current from its awareness. Call during init. */
export function usePresence(awareness: Awareness, myId: string): { readonly current: PresentPerson[] } {
  let people = $state.raw(readPresence(awareness, myId));
  const onChange = (): void => {
    people = readPresence(awareness, myId);
  };
  awareness.on('change', onChange);
  $effect(() => () => awareness.off('change', onChange));
  return {
    get current() {
      return people;
    },
  };
}
