import { toHex } from '@trame/protocol';

/** Most (document, snapshot, author) positions remembered; the oldest are forgotten first. */
export const DEFAULT_CHAIN_LINKS = 10_000;

/**
 * R80 without re-reading (R117): the chain link of each author's last UPDATE this relay
 * accepted, per document and snapshot, so that the author's next UPDATE is checked against it
 * instead of reading the stored frame back (up to 2 MiB from the frames file, on the event loop
 * and inside the storage queue: the largest cost of HOSTILE-3b) and hashing it again.
 *
 * Only a hint: an entry answers for exactly the clock it was recorded with, and the caller falls
 * back to storage on a miss (a restart, another relay instance writing the same document, an
 * entry forgotten). It is recorded after COMMIT, inside the document's queue, so it never names a
 * frame that was rolled back; a stored (snapshot, author, clock) never changes afterwards. Bounded:
 * least recently recorded entries are dropped past `max`.
 */
export class ChainLinks {
  private readonly links = new Map<string, { clock: number; link: Uint8Array }>();

  constructor(private readonly max = DEFAULT_CHAIN_LINKS) {}

  /** The link of the author's stored update `clock` on this snapshot, if it is the one remembered. */
  get(room: string, snapshotId: Uint8Array, author: string, clock: number): Uint8Array | null {
    const entry = this.links.get(key(room, snapshotId, author));
    return entry && entry.clock === clock ? entry.link : null;
  }

  /** Remembers the link of an update that was just committed. */
  set(room: string, snapshotId: Uint8Array, author: string, clock: number, link: Uint8Array): void {
    const k = key(room, snapshotId, author);
    // Re-inserted at the end: the Map's order is the order of last use.
    this.links.delete(k);
    this.links.set(k, { clock, link });
    if (this.links.size > this.max) this.links.delete(this.links.keys().next().value!);
  }

  size(): number {
    return this.links.size;
  }
}

function key(room: string, snapshotId: Uint8Array, author: string): string {
  return `${room}|${toHex(snapshotId)}|${author}`;
}
