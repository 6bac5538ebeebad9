import { generateHTML, type JSONContent } from '@tiptap/core';
import type { PmNode } from '../document/PmNode.js';
import { documentExtensions } from './documentExtensions.js';

/**
 * The HTML of a document's content (ProseMirror JSON) with TipTap's own serializer: text is
 * escaped and only schema nodes and checked links come out. Needs a DOM (`document`).
 */
export function documentHtml(json: PmNode): string {
  return generateHTML(json as JSONContent, documentExtensions());
}
