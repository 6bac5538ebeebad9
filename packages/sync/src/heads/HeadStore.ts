/**
 * The highest point of a document's history a client has seen (R42): its snapshot and, per
 * author, the highest clock on it. Kept across sessions so that a relay cannot roll back.
 */
export interface DocumentHeads {
  snapshotId: string;
  height: number;
  clocks: Record<string, number>;
}

/** Where heads are kept; the web app persists them (encrypted), tests share one in memory. */
export interface HeadStore {
  get(key: string): DocumentHeads | undefined;
  set(key: string, heads: DocumentHeads): void;
}
