import type { DocumentSessionLike, SpaceSessionLike } from '../sync/SyncApi.js';

/** A space kept open by the client: its session and its index document. */
export interface OpenSpace<S extends SpaceSessionLike = SpaceSessionLike> {
  /** Hex space id. */
  id: string;
  session: S;
  index: DocumentSessionLike;
}
