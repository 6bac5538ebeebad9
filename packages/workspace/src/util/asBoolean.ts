/** `value` if it is a boolean, else `fallback` (see {@link asString} for why). */
export function asBoolean(value: unknown, fallback = false): boolean {
  return typeof value === 'boolean' ? value : fallback;
}
