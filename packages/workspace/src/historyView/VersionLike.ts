/**
 * What the history timeline needs of a version (the shape of `history.list`'s entries):
 * times in ms since the epoch, authors as person ids.
 */
export interface VersionLike {
  id: string;
  /** When the first edit in it was made. */
  at: number;
  /** When the last edit in it was made. */
  endAt: number;
  authors: readonly string[];
  /** Its name, for a named version ("Version votée en AG du 3 décembre"). */
  named?: string | null | undefined;
  size: number;
}
