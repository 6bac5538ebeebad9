import { toHex, type AuthorClock } from '@trame/protocol';

/** R54: whether a snapshot's clock list is exactly this client's clocks on its parent. */
export function sameClocks(listed: readonly AuthorClock[], held: ReadonlyMap<string, number>): boolean {
  if (listed.length !== held.size) return false;
  return listed.every((c) => held.get(toHex(c.author)) === c.clock);
}
