import { CRYPTPAD_COLOURS } from './CRYPTPAD_COLOURS.js';

/**
 * A colour from an imported file as `#rrggbb`, or '' when there is none or it is not one:
 * colours end up in style attributes, so nothing but a hex triplet gets through.
 */
export function importColour(v: unknown): string {
  if (typeof v !== 'string') return '';
  const s = v.trim().toLowerCase();
  if (CRYPTPAD_COLOURS[s]) return CRYPTPAD_COLOURS[s];
  const hex = /^#?([0-9a-f]{6})$/.exec(s);
  return hex ? `#${hex[1]}` : '';
}
