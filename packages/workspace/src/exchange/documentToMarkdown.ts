import type { JSONContent } from '@tiptap/core';
import type { PmNode } from '../document/PmNode.js';
import { markdownManager } from './markdownManager.js';

/**
 * Markdown (GitHub flavour: tables, `- [ ]` task lists) of a document given as ProseMirror
 * JSON, with TipTap's own serializer.
 */
export function documentToMarkdown(json: PmNode): string {
  return `${markdownManager()
    .serialize(json as JSONContent)
    .trim()}\n`;
}
