import type * as Y from 'yjs';
import { addAgendaItem } from './addAgendaItem.js';
import { MINUTES_ROOTS, type MinutesMeta } from './Minutes.js';

/** Fills a new minutes document: header and a starting agenda. */
export function initMinutes(doc: Y.Doc, o: Partial<MinutesMeta> & { agenda?: string[] }): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(MINUTES_ROOTS.meta);
    meta.set('title', o.title ?? '');
    meta.set('date', o.date ?? '');
    meta.set('place', o.place ?? '');
    meta.set('chair', o.chair ?? '');
    meta.set('noteTaker', o.noteTaker ?? '');
    for (const title of o.agenda ?? []) addAgendaItem(doc, title);
  });
}
