import type * as Y from 'yjs';
import { readMinutes } from '../minutes/readMinutes.js';
import { INDEX_ROOTS } from '../space/SpaceIndex.js';
import { setIfChanged } from '../util/setIfChanged.js';
import { decisionKey } from './decisionKey.js';

/**
 * Mirrors the decisions of one minutes document that are addressed to ateliers into the
 * assembly index, adding, updating and withdrawing entries so the index matches the minutes.
 * Idempotent: run it after every change of the minutes (debounced); it writes only what changed.
 * `title` overrides the minutes' own title (the index title is what people see in lists).
 */
export function publishDecisions(
  assemblyIndex: Y.Doc,
  minutes: Y.Doc,
  minutesId: string,
  o: { title?: string } = {},
): void {
  const view = readMinutes(minutes);
  const minutesTitle = o.title ?? view.meta.title;
  const published = assemblyIndex.getMap<unknown>(INDEX_ROOTS.decisions);
  const wanted = new Map<string, Record<string, unknown>>();
  for (const item of view.agenda) {
    for (const d of item.decisions) {
      if (d.ateliers.length === 0 || !d.text.trim()) continue;
      wanted.set(decisionKey(minutesId, d.id), {
        minutesId,
        decisionId: d.id,
        text: d.text,
        ateliers: d.ateliers,
        minutesTitle,
        date: view.meta.date,
        agendaTitle: item.title,
      });
    }
  }
  assemblyIndex.transact(() => {
    for (const key of [...published.keys()]) {
      if (key.startsWith(`${minutesId}:`) && !wanted.has(key)) published.delete(key);
    }
    for (const [key, value] of wanted) setIfChanged(published, key, value);
  });
}
