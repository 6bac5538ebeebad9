import * as Y from 'yjs';
import { isTrameError, toHex, TrameError, type SnapshotFrame } from '@trame/protocol';
import { openContentFrame } from '@trame/crypto';

/** What R40 needs besides a SNAPSHOT frame: its author's role, the key, the view check. */
export interface SnapshotAuthority {
  /** UNTRUSTED_AUTHOR when the author may not write (R40, MEMBERSHIP-5), else null. */
  writerError(): TrameError | null;
  /** The document key of the frame's epoch; throws NO_KEY. */
  key(): Uint8Array;
  /** R39a (MEMBERSHIP-8): checks the frame's membership view once it verifies (reports, never throws). */
  checkView(): void;
}

/**
 * R40 + R53: a SNAPSHOT's plaintext when its author may write, it verifies, decrypts and parses
 * as a Yjs update; otherwise `SNAPSHOT_UNREADABLE` naming its author (`details.author`) with the
 * failed check's code in `details.cause`. The caller falls back to the parent and the tails.
 */
export function openSnapshot(f: SnapshotFrame, authority: SnapshotAuthority): Uint8Array | TrameError {
  const author = toHex(f.author);
  try {
    const writer = authority.writerError();
    if (writer) throw writer;
    const plain = openContentFrame(f, authority.key());
    authority.checkView();
    Y.parseUpdateMeta(plain);
    return plain;
  } catch (e) {
    const cause = isTrameError(e) ? e.code : 'UPDATE_UNREADABLE';
    return new TrameError(
      'SNAPSHOT_UNREADABLE',
      `snapshot of ${author.slice(0, 12)} cannot be read (${cause}); using its parent and tail`,
      {
        author,
        cause,
      },
    );
  }
}
