/**
 * R57, live: a frame that did not authenticate was not counted, in case the genuine frame with
 * that clock follows (a relay forging it in transit). If none came, the relay stores the bad
 * frame at that clock (a member sent it): its clock must count, or this client's next snapshot
 * would list fewer updates than the relay holds (R25). Whether any of the frames `held` back is
 * still uncounted in `clocks`: the client then reloads the tail, where stored frames count.
 */
export function needsRecount(
  held: ReadonlyArray<{ author: string; clock: number }>,
  clocks: ReadonlyMap<string, number>,
): boolean {
  return held.some((h) => (clocks.get(h.author) ?? 0) < h.clock);
}
