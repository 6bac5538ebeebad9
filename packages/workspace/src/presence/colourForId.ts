/** Caret colours: readable on white, readable as a background for white names. */
export const PRESENCE_COLOURS: readonly string[] = [
  '#b91c1c',
  '#c2410c',
  '#a16207',
  '#15803d',
  '#0f766e',
  '#0369a1',
  '#4338ca',
  '#7e22ce',
  '#be185d',
  '#475569',
];

/** A stable colour for a member id, used until the member picks one. */
export function colourForId(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return PRESENCE_COLOURS[h % PRESENCE_COLOURS.length]!;
}
