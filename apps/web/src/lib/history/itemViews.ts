import type * as Y from 'yjs';
import { readMinutes, type ItemType, type Locale } from '@trame/workspace';
import {
  documentAuthorship,
  minutesAuthorship,
  type AuthoredBlock,
  type ClientAuthors,
} from '@trame/workspace/history-view';
import { loadExchange } from '$lib/exchange/loadExchange';

/**
 * A version's read-only preview as HTML: the document itself, minutes as their compte rendu,
 * a board as its columns and cards; written by TipTap's serializer (text escaped, only schema
 * nodes and checked links), as the exports are. The converters come through the exports' own
 * lazy import, so the history panel adds no second way into them (WEBAPP-3: one chunk graph).
 */
export async function previewHtml(
  type: ItemType,
  doc: Y.Doc,
  title: string,
  locale: Locale,
  names: ReadonlyMap<string, string>,
): Promise<string> {
  const x = await loadExchange();
  if (type === 'document') return x.documentHtml(x.documentJson(doc));
  if (type === 'minutes') return x.documentHtml(x.minutesDocument(readMinutes(doc), locale, title));
  // a board as its Markdown export (columns, cards), read back as a document
  const md = new TextDecoder().decode(x.exportItem({ type, title, doc, locale, names }, 'md').bytes);
  return x.documentHtml(x.markdownToDocument(md));
}

/**
 * HISTORY-2: a document's or minutes' blocks by author (`authors` of `doc`: the claims that count,
 * R115/R116); null for boards (not offered).
 */
export function authoredBlocks(
  type: ItemType,
  doc: Y.Doc,
  locale: Locale,
  authors: ClientAuthors,
): AuthoredBlock[] | null {
  if (type === 'document') return documentAuthorship(doc, authors.authors);
  if (type === 'minutes') return minutesAuthorship(doc, locale, authors.authors);
  return null;
}
