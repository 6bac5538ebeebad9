/** Offset of `parentId` in a SNAPSHOT frame (docs/PROTOCOL.md §3.6). */
const PARENT_OFFSET = 54;

/** The parent id of a stored SNAPSHOT frame (zeros for a first snapshot) (R53). */
export function parentIdOf(snapshot: Uint8Array): Uint8Array {
  return snapshot.subarray(PARENT_OFFSET, PARENT_OFFSET + 16);
}
