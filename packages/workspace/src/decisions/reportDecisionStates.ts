import type * as Y from 'yjs';
import { INDEX_ROOTS } from '../space/SpaceIndex.js';
import type { DecisionState } from './PublishedDecision.js';

/**
 * Writes an atelier's decision states back into the assembly index, so the minutes show them
 * to every assembly member, including those who are not in the atelier. Only changed states
 * are written (and stamped with `now`).
 */
export function reportDecisionStates(
  assemblyIndex: Y.Doc,
  atelierId: string,
  states: ReadonlyArray<{ key: string; state: DecisionState; columnTitle: string }>,
  now: number,
): number {
  const status = assemblyIndex.getMap<unknown>(INDEX_ROOTS.decisionStatus);
  let written = 0;
  assemblyIndex.transact(() => {
    for (const s of states) {
      const k = `${s.key}@${atelierId}`;
      const cur = status.get(k) as { state?: unknown; columnTitle?: unknown } | undefined;
      if (cur && cur.state === s.state && cur.columnTitle === s.columnTitle) continue;
      status.set(k, { state: s.state, columnTitle: s.columnTitle, updatedAt: now });
      written++;
    }
  });
  return written;
}
