/**
 * CryptPad kanban's palette classes (`color1` … `color9`, named after Trello's label colours in
 * CryptPad's Trello import) as colours Trame shows on white with white text.
 */
export const CRYPTPAD_COLOURS: Readonly<Record<string, string>> = {
  color1: '#b91c1c',
  color2: '#c2410c',
  color3: '#a16207',
  color4: '#4d7c0f',
  color5: '#15803d',
  color6: '#0369a1',
  color7: '#4338ca',
  color8: '#7e22ce',
  color9: '#be185d',
};
