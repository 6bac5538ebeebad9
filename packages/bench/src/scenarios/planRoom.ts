import type { ServerKind } from '../servers/ServerKind.js';
import type { RoomPlan } from '../workers/RoomPlan.js';

/** Splits a room over the two workers: real editors first, typists for the rest. */
export function planRoom(
  kind: ServerKind,
  url: string,
  room: string,
  size: number,
  maxReal: number,
): [RoomPlan, RoomPlan] {
  // Real editors verify every frame they receive: 20 of them on this machine's two cores
  // would measure the clients (20 × 19 × 10 verifications a second), not the server. Larger
  // rooms keep a few real editors and fill the rest with protocol-level typists, alike for all.
  const real = Math.min(maxReal, size);
  const plans: [RoomPlan, RoomPlan] = [
    { kind, url, room, editors: [], typists: [] },
    { kind, url, room, editors: [], typists: [] },
  ];
  for (let i = 0; i < size; i++) {
    const p = plans[i % 2]!;
    (i < real ? p.editors : p.typists).push(i);
  }
  return plans;
}
