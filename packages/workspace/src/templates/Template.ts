import type * as Y from 'yjs';
import type { Locale, Localized } from '../collective/Locale.js';
import type { ItemType } from '../space/SpaceIndex.js';

/** Context a template may use to fill a new item. */
export interface TemplateContext {
  locale: Locale;
  now: number;
  /** Today, `yyyy-mm-dd`, for minutes. */
  today: string;
}

/** A starting point for a new document, board or minutes. */
export interface Template {
  id: string;
  type: ItemType;
  name: Localized;
  description: Localized;
  /** Fills an empty Y.Doc. */
  apply(doc: Y.Doc, ctx: TemplateContext): void;
}
