import * as Y from 'yjs';

/** The Y.Map stored under `key` in `parent`, or null when absent or of another type. */
export function childMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> | null {
  const v = parent.get(key);
  return v instanceof Y.Map ? (v as Y.Map<unknown>) : null;
}
