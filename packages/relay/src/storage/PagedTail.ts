import { TrameError } from '@trame/protocol';
import type { FrameCursor } from './RelayStorage.js';

/** One stored update with its position in the tail (SQLite rowid, PostgreSQL doc_seq). */
export interface TailRow {
  position: number;
  frame: Uint8Array;
}

/** Reads the tail's rows with `after < position <= upTo`, in order, stopping once `maxBytes` are read. */
export type TailPageReader = (after: number, upTo: number, maxBytes: number) => Promise<TailRow[]>;

/** The position of the row `offset` rows past `after` (0: the first one), or null if there is none. */
export type TailSeeker = (after: number, upTo: number, offset: number) => Promise<number | null>;

const PRUNED = 'the document was compacted twice while its state was read: reconnect';

/**
 * {@link FrameCursor} over a tail (or a membership log) by keyset pagination (R61): each page is one short read of
 * the rows after the last one served, bounded above by the tail's last position at the state's
 * read, so that a page never holds more than `pageBytes` (plus one frame) and later updates are
 * left to the live queue. Rows of a tail are only ever appended, or pruned all together when
 * the snapshot is two compactions old (R28): fewer rows than counted means they were pruned.
 */
export class PagedTail implements FrameCursor {
  private served = 0;

  /** `after`: the position before the first row (0 for a tail; the client's seq for a log). */
  constructor(
    readonly count: number,
    private readonly upTo: number,
    private readonly pageBytes: number,
    private readonly read: TailPageReader,
    private readonly seek: TailSeeker,
    private after = 0,
  ) {}

  /** A cursor over no rows. */
  static empty(): PagedTail {
    return new PagedTail(
      0,
      0,
      1,
      () => Promise.resolve([]),
      () => Promise.resolve(null),
    );
  }

  async skip(frames: number): Promise<void> {
    const n = Math.min(frames, this.count - this.served);
    if (n <= 0) return;
    // Found from the positions alone (an index): the skipped frames are never loaded.
    const position = await this.seek(this.after, this.upTo, n - 1);
    if (position === null) throw new TrameError('SLOW_READER', PRUNED);
    this.after = position;
    this.served += n;
  }

  async next(): Promise<Uint8Array[]> {
    if (this.served >= this.count) return [];
    const rows = await this.read(this.after, this.upTo, this.pageBytes);
    if (rows.length === 0) {
      throw new TrameError('SLOW_READER', PRUNED);
    }
    this.after = rows[rows.length - 1]!.position;
    this.served += rows.length;
    return rows.map((r) => r.frame);
  }
}
