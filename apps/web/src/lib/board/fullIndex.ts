/**
 * Where a card dropped at `visibleIndex` of a filtered column lands in the full column: right
 * after the visible card that precedes it (or before the one that follows). Without this a
 * drop while a filter is on would be placed relative to hidden cards.
 */
export function fullIndex(
  visible: ReadonlyArray<{ id: string }>,
  visibleIndex: number,
  full: ReadonlyArray<{ id: string }>,
  movedId: string,
): number {
  const rest = full.filter((c) => c.id !== movedId);
  const others = visible.filter((c) => c.id !== movedId);
  const before = others[visibleIndex - 1];
  if (before) {
    const i = rest.findIndex((c) => c.id === before.id);
    if (i >= 0) return i + 1;
  }
  const after = others[visibleIndex];
  if (after) {
    const i = rest.findIndex((c) => c.id === after.id);
    if (i >= 0) return i;
  }
  return visibleIndex <= 0 ? 0 : rest.length;
}
