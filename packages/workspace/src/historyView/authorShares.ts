import type { AuthoredBlock } from './AuthoredBlock.js';

/** How much of the text one author wrote (the legend of "Couleurs des auteurs"). */
export interface AuthorShare {
  /** Person id, or null for text nobody claimed. */
  author: string | null;
  /** Characters, spaces and line breaks excluded. */
  chars: number;
}

/** Each author's share of the text, largest first (ties: by id, unknown last); labels do not count. */
export function authorShares(blocks: readonly AuthoredBlock[]): AuthorShare[] {
  const counts = new Map<string | null, number>();
  for (const b of blocks) {
    for (const s of b.spans) {
      if (s.marks.includes('label')) continue;
      const n = s.text.replace(/\s/g, '').length;
      if (n > 0) counts.set(s.author, (counts.get(s.author) ?? 0) + n);
    }
  }
  return [...counts]
    .map(([author, chars]) => ({ author, chars }))
    .sort(
      (a, b) =>
        b.chars - a.chars ||
        (a.author === null ? 1 : 0) - (b.author === null ? 1 : 0) ||
        (a.author ?? '').localeCompare(b.author ?? ''),
    );
}
