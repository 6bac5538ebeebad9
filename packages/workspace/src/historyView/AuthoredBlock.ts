/** A run of text written under one author (HISTORY-2), with its formatting marks. */
export interface AuthoredSpan {
  text: string;
  /** Person id (hex) of whoever wrote it; null when nobody claimed its Yjs client id (R115). */
  author: string | null;
  /**
   * Mark names (`bold`, `italic`, `strike`, `code`, `link`, …), sorted; `label` for text the
   * view adds (field names, numbers, separators), which nobody wrote.
   */
  marks: readonly string[];
}

/** What kind of block a line of an item's text is. */
export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'code' | 'bullet' | 'ordered' | 'task' | 'row' | 'rule';

/**
 * One block of a document or minutes, flattened for reading by author and comparing versions:
 * headings keep their level, list items their depth (1 = top level), task items whether done,
 * ordered items their number, table rows their cells separated by " | ".
 */
export interface AuthoredBlock {
  kind: BlockKind;
  /** Heading level (1-3), or list depth (1 = top level; 0 outside lists). */
  level: number;
  /** Task items: done or not. */
  checked?: boolean;
  /** Ordered list items: their number. */
  number?: number;
  spans: AuthoredSpan[];
}
