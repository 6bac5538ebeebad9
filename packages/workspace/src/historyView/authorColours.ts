import { PRESENCE_COLOURS } from '../presence/colourForId.js';

/**
 * One colour per author for "Couleurs des auteurs": each person's own colour (their profile's)
 * unless someone listed before already has it, then the first caret colour nobody has (two
 * people in one colour would make the view lie). Beyond the palette, colours repeat.
 */
export function authorColours(
  authors: readonly string[],
  preferred: (id: string) => string | undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const later: string[] = [];
  for (const id of authors) {
    const c = preferred(id)?.toLowerCase();
    if (c && !taken.has(c)) {
      out.set(id, c);
      taken.add(c);
    } else later.push(id);
  }
  for (const id of later) {
    const free = PRESENCE_COLOURS.find((c) => !taken.has(c.toLowerCase()));
    const c = free ?? PRESENCE_COLOURS[out.size % PRESENCE_COLOURS.length]!;
    out.set(id, c);
    taken.add(c.toLowerCase());
  }
  return out;
}
