import type { PmNode } from '../document/PmNode.js';
import { documentSchema } from './documentSchema.js';
import { markdownManager } from './markdownManager.js';

/**
 * Parses Markdown into a document (ProseMirror JSON) with TipTap's parser. The result is
 * checked against the schema, so what it returns can be written into a document as is.
 */
export function markdownToDocument(markdown: string): PmNode {
  const json = markdownManager().parse(markdown.replace(/\r\n?/g, '\n'));
  // Node.fromJSON throws on anything the schema does not allow.
  return documentSchema().nodeFromJSON(json).toJSON() as PmNode;
}
