/**
 * A load generator that types into a room like an editor (its own Y.Doc, one character per
 * key, real protocol frames) but ignores what others type: it neither applies nor verifies
 * remote edits. Rooms of 100 editors use typists for all but a few real clients, because 100
 * real clients on a 2-core machine would measure the clients, not the server.
 */
export interface Typist {
  readonly clientId: number;
  /** Resolves once the typist may send. */
  readonly ready: Promise<void>;
  /** Types one character; returns the Yjs clock of the inserted item. */
  typeChar(): number;
  /** Frames the server refused (Trame: ERROR frames), for the report. */
  errors(): number;
  close(): void;
}
