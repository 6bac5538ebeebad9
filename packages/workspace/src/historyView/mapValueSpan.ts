import type * as Y from 'yjs';
import type { AuthoredSpan } from './AuthoredBlock.js';

/**
 * A Y.Map field as one run: its text (`pick` reads it from the stored value) and whoever set
 * it last (the Yjs client id of the entry, R115). Null when the field is unset or empty.
 */
export function mapValueSpan(
  map: Y.Map<unknown>,
  key: string,
  authors: ReadonlyMap<number, string>,
  pick: (value: unknown) => string = (v) => (typeof v === 'string' ? v : ''),
): AuthoredSpan | null {
  const item = map._map.get(key);
  if (!item || item.deleted) return null;
  const text = pick(map.get(key));
  if (!text) return null;
  return { text, author: authors.get(item.id.client) ?? null, marks: [] };
}
