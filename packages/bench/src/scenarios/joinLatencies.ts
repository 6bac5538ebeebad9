import type { EditStamp } from '../workers/RoomPlan.js';

/**
 * Joins what was sent with what was seen: one latency (ms) per keystroke and receiving
 * editor, for keystrokes sent in [from, to]. Also counts deliveries that never arrived.
 */
export function joinLatencies(
  sent: readonly EditStamp[],
  received: readonly EditStamp[],
  from: number,
  to: number,
  receiversPerKey: (client: number) => number,
): { latencies: number[]; expected: number; missing: number } {
  const sentAt = new Map<string, number>();
  let expected = 0;
  for (const [client, clock, at] of sent) {
    if (at < from || at > to) continue;
    sentAt.set(`${client}:${clock}`, at);
    expected += receiversPerKey(client);
  }
  const latencies: number[] = [];
  for (const [client, clock, at] of received) {
    const t0 = sentAt.get(`${client}:${clock}`);
    if (t0 !== undefined) latencies.push(at - t0);
  }
  return { latencies, expected, missing: Math.max(0, expected - latencies.length) };
}
