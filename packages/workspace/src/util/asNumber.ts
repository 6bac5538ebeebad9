/** `value` if it is a finite number, else `fallback` (see {@link asString} for why). */
export function asNumber(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
