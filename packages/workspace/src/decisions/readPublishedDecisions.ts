import type * as Y from 'yjs';
import { INDEX_ROOTS } from '../space/SpaceIndex.js';
import { asString } from '../util/asString.js';
import type { PublishedDecision } from './PublishedDecision.js';

/**
 * Decisions published in the assembly index, oldest meeting first; only those addressed to
 * `atelierId` when it is given.
 */
export function readPublishedDecisions(assemblyIndex: Y.Doc, atelierId?: string): PublishedDecision[] {
  const out: PublishedDecision[] = [];
  assemblyIndex.getMap<unknown>(INDEX_ROOTS.decisions).forEach((v, key) => {
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    const ateliers = Array.isArray(o.ateliers) ? o.ateliers.filter((a): a is string => typeof a === 'string') : [];
    if (atelierId && !ateliers.includes(atelierId)) return;
    out.push({
      key,
      minutesId: asString(o.minutesId),
      decisionId: asString(o.decisionId),
      text: asString(o.text),
      ateliers,
      minutesTitle: asString(o.minutesTitle),
      date: asString(o.date),
      agendaTitle: asString(o.agendaTitle),
    });
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1));
}
