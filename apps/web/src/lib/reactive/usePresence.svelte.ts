import { readPresence, type PresentPerson } from '@trame/workspace';
import type { Awareness } from 'y-protocols/awareness';

/**
 * The people present in a document, kept current from its awareness. Call during init.
 * `personOf` (the space session's, R97) counts a person on two devices once.
 */
export function usePresence(
  awareness: Awareness,
  myId: string,
  personOf?: (id: string) => string | null,
): { readonly current: PresentPerson[] } {
  let people = $state.raw(readPresence(awareness, myId, personOf));
  const onChange = (): void => {
    people = readPresence(awareness, myId, personOf);
  };
  awareness.on('change', onChange);
  $effect(() => () => awareness.off('change', onChange));
  return {
    get current() {
      return people;
    },
  };
}
