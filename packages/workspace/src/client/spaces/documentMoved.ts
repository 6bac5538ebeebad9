/**
 * R73: whether a document has moved to the space's current key: its state at the relay is
 * sealed under that epoch, or it is empty (nothing to move). Pure.
 */
export function documentMoved(keyEpoch: number | null, spaceEpoch: number, loaded: boolean): boolean {
  return loaded && (keyEpoch === null || keyEpoch >= spaceEpoch);
}
