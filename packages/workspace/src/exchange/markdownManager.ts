import { MarkdownManager } from '@tiptap/markdown';
import { documentExtensions } from './documentExtensions.js';

let cached: MarkdownManager | null = null;

/** TipTap's Markdown parser and serializer over the document schema (built once). */
export function markdownManager(): MarkdownManager {
  cached ??= new MarkdownManager({ extensions: documentExtensions() });
  return cached;
}
