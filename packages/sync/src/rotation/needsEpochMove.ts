/** What R73 needs of the space: its current key epoch, this client's role and keys. */
export interface EpochHolder {
  readonly epoch: number;
  canWrite(): boolean;
  hasKey(epoch: number): boolean;
}

/**
 * R73: the document's state is under an older key (`docEpoch`) than the space's current one,
 * and this client may write and holds the new key: its next frame is a snapshot under the new
 * key (the relay then prunes the old-epoch snapshot and tail). Never for an empty document.
 */
export function needsEpochMove(docEpoch: number | null, space: EpochHolder): boolean {
  return docEpoch !== null && docEpoch < space.epoch && space.canWrite() && space.hasKey(space.epoch);
}
