import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { TRACE_DIR } from './loadSephHistory.js';

/** One transaction of a sequential trace and when to play it, ms from the start. */
export interface ScheduledTxn {
  at: number;
  patches: Array<[pos: number, del: number, ins: string]>;
}

interface SequentialTrace {
  txns: Array<{ time?: string; timestamp?: string; patches: Array<[number, number, string]> }>;
}

/**
 * A sequential trace as its author typed it: the recorded timestamps have one-second
 * resolution, so the transactions stamped with the same second are spread evenly over it;
 * pauses longer than `maxGapMs` (the author away) are shortened to it. The first transaction
 * (the starting content) plays at 0.
 */
export function loadTraceSchedule(name: string, maxGapMs = 2000, limitMs = Infinity): ScheduledTxn[] {
  const trace = JSON.parse(gunzipSync(readFileSync(`${TRACE_DIR}${name}.json.gz`)).toString('utf8')) as SequentialTrace;
  const seconds = trace.txns.map((t) => Math.floor(Date.parse(t.time ?? t.timestamp ?? '0') / 1000));
  const out: ScheduledTxn[] = [];
  let clock = 0;
  let i = 0;
  while (i < trace.txns.length && clock <= limitMs) {
    let j = i;
    while (j < trace.txns.length && seconds[j] === seconds[i]) j++;
    const n = j - i;
    for (let k = 0; k < n; k++) out.push({ at: clock + (k * 1000) / n, patches: trace.txns[i + k]!.patches });
    if (j < trace.txns.length) clock += Math.min(maxGapMs, Math.max(1000, (seconds[j]! - seconds[i]!) * 1000));
    i = j;
  }
  // The first transaction holds the document's starting content: play it at once.
  if (out.length > 0) out[0]!.at = 0;
  return out.filter((t) => t.at <= limitMs);
}
