import type * as Y from 'yjs';
import { readBoard, readMinutes, type ItemType, type Locale } from '@trame/workspace';
import { boardDocument, documentHtml, documentJson, minutesDocument } from '@trame/workspace/exchange';
import { documentAuthorship, minutesAuthorship, type AuthoredBlock } from '@trame/workspace/history-view';

/**
 * A version's read-only preview as HTML: the document itself, minutes as their compte rendu,
 * a board as its columns and cards; written by TipTap's serializer (text escaped, only schema
 * nodes and checked links), as the exports are.
 */
export function previewHtml(
  type: ItemType,
  doc: Y.Doc,
  title: string,
  locale: Locale,
  names: ReadonlyMap<string, string>,
): string {
  if (type === 'document') return documentHtml(documentJson(doc));
  if (type === 'minutes') return documentHtml(minutesDocument(readMinutes(doc), locale, title));
  return documentHtml(boardDocument(readBoard(doc), title, locale, names));
}

/** HISTORY-2: a document's or minutes' blocks by author; null for boards (not offered). */
export function authoredBlocks(type: ItemType, doc: Y.Doc, locale: Locale): AuthoredBlock[] | null {
  if (type === 'document') return documentAuthorship(doc);
  if (type === 'minutes') return minutesAuthorship(doc, locale);
  return null;
}
