import type * as Y from 'yjs';
import { setIfChanged } from '../util/setIfChanged.js';
import { MINUTES_ROOTS, type MinutesMeta } from './Minutes.js';

/** Changes header fields of the minutes. */
export function updateMinutesMeta(doc: Y.Doc, patch: Partial<MinutesMeta>): void {
  doc.transact(() => {
    const m = doc.getMap<unknown>(MINUTES_ROOTS.meta);
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) setIfChanged(m, k, v);
  });
}
