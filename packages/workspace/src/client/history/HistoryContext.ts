import type { VersionPolicy } from '@trame/sync/history';
import type { DocumentSessionLike, SpaceSessionLike } from '../../sync/SyncApi.js';
import type { ClientCore } from '../ClientCore.js';

/** A loaded recorder of an open item, as the facade keeps it. */
export interface RecorderLike {
  flush(o?: { force?: boolean; restoredFrom?: string | null }): Promise<string | null>;
  stop(): Promise<string | null>;
}

/** What the history commands need of the client (ItemHistory gives it). */
export interface HistoryContext<S extends SpaceSessionLike = SpaceSessionLike> {
  core: ClientCore<S>;
  /** The session of an item open on screen, if any. */
  openSession(spaceId: string, itemId: string): DocumentSessionLike | null;
  /** The recorder of an open item: loaded, or being loaded after a local edit; null otherwise. */
  recorderOf(session: DocumentSessionLike): Promise<RecorderLike | null>;
  policy?: Partial<VersionPolicy>;
  onError?: (error: unknown) => void;
}
