import { generateKeyBetween } from 'fractional-indexing';

/**
 * An order key strictly between `before` and `after` (either may be null for "start"/"end").
 * Keys are short base-62 strings; moving an element rewrites only its own key, which is what
 * lets concurrent moves on a board merge instead of duplicating or losing cards.
 */
export function keyBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}
