import * as Y from 'yjs';
import { planMove } from '../ordering/planMove.js';
import { readAteliers } from './readAteliers.js';
import { INDEX_ROOTS, type AtelierEntry } from './SpaceIndex.js';

/** Adds an atelier to the assembly's registry, after the existing ones. */
export function registerAtelier(assembly: Y.Doc, entry: Omit<AtelierEntry, 'order'>): void {
  const existing = readAteliers(assembly);
  const updates = planMove(existing, entry.id, existing.length);
  const registry = assembly.getMap<unknown>(INDEX_ROOTS.ateliers);
  assembly.transact(() => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(entry)) if (k !== 'id') m.set(k, v);
    registry.set(entry.id, m);
    for (const u of updates) {
      const target = registry.get(u.id);
      if (target instanceof Y.Map) target.set('order', u.order);
    }
  });
}
