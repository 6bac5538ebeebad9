import * as Y from 'yjs';

/**
 * Keys of a Y.Map used as a set (`key → true`), sorted. Sets are Y.Maps rather than arrays so
 * that two members adding different tags at once both win.
 */
export function mapKeys(value: unknown): string[] {
  if (!(value instanceof Y.Map)) return [];
  return [...(value as Y.Map<unknown>).keys()].sort();
}
