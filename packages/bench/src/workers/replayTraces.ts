import * as Y from 'yjs';
import type { Editor } from '../clients/Editor.js';
import { loadTraceSchedule } from '../traces/loadTraceSchedule.js';
import { now } from './now.js';
import type { EditStamp } from './RoomPlan.js';

/** How a worker's editors replay real traces (`replay`). */
export interface ReplayArgs {
  /** Trace per editor of this worker, in order (cycled). */
  traces: string[];
  /** Edits made before this (the trace's starting content, syncing) are not stamped. */
  warmupMs: number;
  durationMs: number;
}

/**
 * Every editor replays its own trace into its own Y.Text (so the trace's positions stay
 * valid) at the pace its author typed it; each edit that inserts text is stamped (by its
 * first character) when its transaction is made. Resolves with the stamps once `durationMs` has passed.
 */
export async function replayTraces(editors: readonly Editor[], args: ReplayArgs): Promise<EditStamp[]> {
  const sent: EditStamp[] = [];
  const timers: NodeJS.Timeout[] = [];
  const start = now();
  editors.forEach((e, i) => {
    const schedule = loadTraceSchedule(args.traces[i % args.traces.length]!, 2000, args.durationMs);
    const text = e.doc.getText(`trace-${e.doc.clientID}`);
    for (const txn of schedule) {
      timers.push(
        setTimeout(() => {
          const at = now();
          const before = Y.getState(e.doc.store, e.doc.clientID);
          e.doc.transact(() => {
            for (const [pos, del, ins] of txn.patches) {
              const p = Math.min(pos, text.length);
              if (del > 0) text.delete(p, Math.min(del, text.length - p));
              if (ins.length > 0) text.insert(p, ins);
            }
          });
          if (at - start < args.warmupMs) return;
          // One sample per edit (its first inserted character), not per character: a 4 KB
          // paste would otherwise outweigh every keystroke of the run.
          if (Y.getState(e.doc.store, e.doc.clientID) > before) sent.push([e.doc.clientID, before, at]);
        }, txn.at),
      );
    }
  });
  await new Promise((r) => setTimeout(r, args.durationMs));
  for (const t of timers) clearTimeout(t);
  return sent;
}
