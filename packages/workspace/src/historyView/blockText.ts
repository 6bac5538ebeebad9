import type { AuthoredBlock } from './AuthoredBlock.js';

/** The plain text of a block (its spans joined). */
export function blockText(block: AuthoredBlock): string {
  return block.spans.map((s) => s.text).join('');
}
