/**
 * Byte layout constants of version history records (PROTOCOL.md §10). A record starts with
 * `u8 format` (= 1) and `u8 kind`; the first 86 bytes (format, kind, space, document, version,
 * epoch, author) are the header every AEAD of the record takes as associated data.
 */
export const HISTORY_LAYOUT = {
  format: 1,
  kindVersion: 1,
  kindName: 2,
  /** format ‖ kind ‖ spaceId ‖ docId ‖ versionId ‖ u32 epoch ‖ author. */
  headerBytes: 86,
  /** Largest encrypted metadata (times and authors, JSON). */
  maxMetaCiphertextBytes: 8192,
  /** Largest encrypted name (a name is at most 200 characters). */
  maxNameCiphertextBytes: 1024,
} as const;
