import type * as Y from 'yjs';
import type { Locale } from '../collective/Locale.js';
import type { ItemType } from '../space/SpaceIndex.js';

/** An item to export, as loaded in the browser. */
export interface ExportSource {
  type: ItemType;
  title: string;
  doc: Y.Doc;
  locale: Locale;
  /** Member id → display name, for board assignees. */
  names?: ReadonlyMap<string, string>;
}
