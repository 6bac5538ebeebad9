import type * as Y from 'yjs';

/** One real client of a server under test: a Y.Doc bound to the server by that server's provider. */
export interface Editor {
  readonly doc: Y.Doc;
  /** Whether the provider reports the document as synced with the server. */
  isSynced(): boolean;
  /** Resolves the next time (or now, if already) the provider reports the document synced. */
  whenSynced(): Promise<void>;
  /** Drops the connection (the provider stops reconnecting). */
  disconnect(): void;
  /** Opens the connection again. */
  connect(): void;
  destroy(): void;
}
