import type * as Y from 'yjs';
import { INDEX_ROOTS } from '../space/SpaceIndex.js';
import { asNumber } from '../util/asNumber.js';
import { asString } from '../util/asString.js';
import type { DecisionState, DecisionStatus } from './PublishedDecision.js';

const STATES: readonly DecisionState[] = ['received', 'inProgress', 'done', 'removed'];

/** Every atelier's report on the decisions of one minutes document, by decision key. */
export function readDecisionStatuses(assemblyIndex: Y.Doc, minutesId: string): Map<string, DecisionStatus[]> {
  const out = new Map<string, DecisionStatus[]>();
  assemblyIndex.getMap<unknown>(INDEX_ROOTS.decisionStatus).forEach((v, k) => {
    if (!k.startsWith(`${minutesId}:`) || typeof v !== 'object' || v === null) return;
    const at = k.lastIndexOf('@');
    if (at < 0) return;
    const o = v as Record<string, unknown>;
    if (!STATES.includes(o.state as DecisionState)) return;
    const key = k.slice(0, at);
    const list = out.get(key) ?? [];
    list.push({
      key,
      atelierId: k.slice(at + 1),
      state: o.state as DecisionState,
      columnTitle: asString(o.columnTitle),
      updatedAt: asNumber(o.updatedAt),
    });
    out.set(key, list);
  });
  return out;
}
