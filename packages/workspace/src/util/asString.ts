/**
 * `value` if it is a string, else `fallback`. Y.Doc fields are written by other members'
 * clients, possibly older or buggy ones, so every read is checked rather than cast.
 */
export function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}
