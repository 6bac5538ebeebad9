import { bytesEqual, TrameError } from '@trame/protocol';
import type { TailEntry } from './TailEntry.js';

export type TailClocksResult = { ok: true; seen: Map<string, number> } | { ok: false; error: TrameError };

/**
 * R41 over a served tail: every update is on the served snapshot and each author's clocks run
 * 1, 2, 3… without a hole or a repeat. When the relay resumed the tail (R48), the count starts
 * from `held` (this client's clocks) and updates it already holds are skipped.
 */
export function checkTailClocks(
  updates: readonly TailEntry[],
  servedId: Uint8Array,
  held: ReadonlyMap<string, number> | null,
): TailClocksResult {
  const seen = new Map<string, number>(held ?? []);
  for (const u of updates) {
    if (held && u.clock <= (held.get(u.author) ?? 0)) continue;
    if (!bytesEqual(u.snapshotId, servedId)) {
      return { ok: false, error: new TrameError('MISSING_UPDATES', 'tail update on another snapshot') };
    }
    const expected = (seen.get(u.author) ?? 0) + 1;
    if (u.clock !== expected) {
      const code = u.clock < expected ? 'REPLAY_DETECTED' : 'MISSING_UPDATES';
      const error = new TrameError(code, `author ${u.author.slice(0, 12)}: clock ${u.clock}, expected ${expected}`, {
        range: { from: expected, to: u.clock - 1 },
      });
      return { ok: false, error };
    }
    seen.set(u.author, u.clock);
  }
  return { ok: true, seen };
}
