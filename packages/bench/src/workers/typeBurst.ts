import * as Y from 'yjs';
import type { Editor } from '../clients/Editor.js';
import type { Typist } from '../clients/Typist.js';
import { now } from './now.js';
import type { EditStamp } from './RoomPlan.js';

/** Keys a sender may owe before the rest is dropped (200 ms at 200 keys/s). */
const MAX_BACKLOG = 40;

/**
 * Types at `keysPerSec` per sender (every editor and typist of this worker) for `durationMs`,
 * each key its own Yjs transaction, as a fast typist's would be. One 1 ms timer serves every
 * sender, each on its own schedule from a random phase: a late tick types the keys that fell
 * due since (up to {@link MAX_BACKLOG}), so the offered load stays at the nominal rate unless
 * the worker itself is saturated, which `skipped` then shows. Each key is stamped when inserted.
 */
export function typeBurst(
  editors: readonly Editor[],
  typists: readonly Typist[],
  o: { keysPerSec: number; durationMs: number; seed: number },
): Promise<{ sent: EditStamp[]; clocks: Array<[number, number]>; skipped: number }> {
  const sent: EditStamp[] = [];
  let s = o.seed >>> 0;
  const rand = (): number => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const period = 1000 / o.keysPerSec;
  const senders: Array<{ phase: number; typed: number; key(): void; clock(): [number, number] }> = [];
  for (const e of editors) {
    const text = e.doc.getText('t');
    let cursor = Math.floor(rand() * (text.length + 1));
    senders.push({
      phase: rand() * period,
      typed: 0,
      key() {
        // A cursor that jumps now and then, as in the keystroke scenario.
        if (rand() < 0.05 || cursor > text.length) cursor = Math.floor(rand() * (text.length + 1));
        sent.push([e.doc.clientID, Y.getState(e.doc.store, e.doc.clientID), now()]);
        text.insert(cursor++, String.fromCharCode(97 + Math.floor(rand() * 26)));
      },
      clock: () => [e.doc.clientID, Y.getState(e.doc.store, e.doc.clientID)],
    });
  }
  for (const t of typists) {
    let next = 0;
    senders.push({
      phase: rand() * period,
      typed: 0,
      key() {
        const at = now();
        const clock = t.typeChar();
        sent.push([t.clientId, clock, at]);
        next = clock + 1;
      },
      clock: () => [t.clientId, next],
    });
  }
  let skipped = 0;
  const t0 = now();
  return new Promise((resolve) => {
    const tick = (): void => {
      const t = Math.min(now() - t0, o.durationMs);
      for (const x of senders) {
        const due = t < x.phase ? 0 : Math.floor((t - x.phase) / period) + 1;
        if (due - x.typed > MAX_BACKLOG) {
          skipped += due - x.typed - MAX_BACKLOG;
          x.typed = due - MAX_BACKLOG;
        }
        for (; x.typed < due; x.typed++) x.key();
      }
      if (t < o.durationMs) return;
      clearInterval(timer);
      resolve({ sent, clocks: senders.map((x) => x.clock()), skipped });
    };
    const timer = setInterval(tick, 1);
  });
}
