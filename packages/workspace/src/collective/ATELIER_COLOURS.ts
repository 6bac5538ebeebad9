/**
 * Accent colours offered for ateliers: dark enough for white text and for a 3:1 contrast
 * stripe on white (WCAG non-text contrast), and distinct from each other.
 */
export const ATELIER_COLOURS: readonly string[] = [
  '#c2410c',
  '#0369a1',
  '#b91c1c',
  '#4338ca',
  '#15803d',
  '#475569',
  '#be185d',
  '#0f766e',
  '#a16207',
  '#7e22ce',
];
