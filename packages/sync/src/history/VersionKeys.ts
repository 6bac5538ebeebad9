/** What opening a version needs of its space (a SpaceState satisfies it). */
export interface VersionKeys {
  /** The document key of an epoch; throws NO_KEY when this member never held that epoch's key. */
  docKey(epoch: number, docId: Uint8Array): Uint8Array;
  hasKey(epoch: number): boolean;
  /** R74: whether `id` (hex) held a write role while `epoch` was current. */
  isTrustedWriter(id: string, epoch: number): boolean;
}
