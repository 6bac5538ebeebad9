import type * as Y from 'yjs';
import type { AuthoredSpan } from './AuthoredBlock.js';
import { pushSpan } from './pushSpan.js';

interface ContentFields {
  str?: unknown;
  key?: unknown;
  value?: unknown;
}

/**
 * The visible text of a Y.Text (or Y.XmlText) as runs of one author each: walks the Yjs items
 * themselves (not `toDelta`, which merges runs of different writers), reading each item's Yjs
 * client id and the formatting attributes in force, as `toDelta` does. y-prosemirror names a
 * second mark of one type `bold--<hash>`: only the name before `--` is kept.
 */
export function textSpans(text: Y.Text, authors: ReadonlyMap<number, string>): AuthoredSpan[] {
  const out: AuthoredSpan[] = [];
  const attrs = new Map<string, unknown>();
  let marks: string[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const c = item.content as unknown as ContentFields;
    if (typeof c.str === 'string') {
      pushSpan(out, { text: c.str, author: authors.get(item.id.client) ?? null, marks });
    } else if (typeof c.key === 'string' && 'value' in c) {
      if (c.value === null || c.value === undefined) attrs.delete(c.key);
      else attrs.set(c.key, c.value);
      marks = [...new Set([...attrs.keys()].map((k) => k.split('--')[0]!))].sort();
    }
  }
  return out;
}
