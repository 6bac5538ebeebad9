/** One version of an item as the timeline shows it, once verified (R113). */
export interface VersionInfo {
  /** Hex version id. */
  id: string;
  /** Start of the session of work it closes (ms, the author's clock). */
  at: number;
  /** When it was written (ms, the author's clock). */
  endAt: number;
  /** Hex identities whose edits are in it since the previous version of its writer. */
  authors: string[];
  /** Hex identity that wrote (and signed) the version. */
  createdBy: string;
  /** Its name, if a writer named it (R109); named versions are never thinned. */
  named: string | null;
  /** Who gave the name (hex), if named. */
  namedBy: string | null;
  /** Bytes the relay stores for it. */
  size: number;
  /** Relay clock (ms) when it was stored: what retention counts from. */
  storedAt: number;
  /** Key epoch it is sealed under. */
  epoch: number;
  /** The version it restored, if it records a restore (R114). */
  restoredFrom: string | null;
}
