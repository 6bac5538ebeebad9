import type { FrameFile } from './FrameFile.js';

/** A stored row's frame: inline, or a reference to the frames file (ADR 0009). */
export interface FrameColumns {
  frame: Uint8Array;
  frame_ref?: number | null;
}

/**
 * The bookkeeping between the database's rows and the frames file (ADR 0009). A large frame is
 * staged (written to the frames file and on disk) before the transaction that appends it; the
 * transaction then stores a reference instead of the bytes. After COMMIT the references it used
 * are kept; a staged frame that no committed row took is deleted when released. References a
 * transaction pruned are deleted from the frames file once that transaction is durable.
 */
export class ExternalFrames {
  private readonly staged = new Map<Uint8Array, number>();
  private used: number[] = [];
  private pruned: number[] = [];
  private readonly committed = new Set<number>();

  constructor(readonly file: FrameFile | null) {}

  /** Records that `frame` (this very array) is stored in the frames file under `id`. */
  stage(frame: Uint8Array, id: number): void {
    this.staged.set(frame, id);
  }

  /** The frames-file id to store for `frame` in the open transaction, or null to store it inline. */
  refOf(frame: Uint8Array): number | null {
    const id = this.staged.get(frame);
    if (id === undefined) return null;
    this.used.push(id);
    return id;
  }

  /** The row's frame, read from the frames file when it holds a reference. */
  read(row: FrameColumns): Uint8Array {
    if (row.frame_ref === null || row.frame_ref === undefined) return row.frame;
    if (!this.file) throw new Error(`frame ${row.frame_ref} is in a frames file this storage has not opened`);
    return this.file.read(row.frame_ref);
  }

  /** The open transaction deletes rows holding these references. */
  prunedRefs(ids: number[]): void {
    this.pruned.push(...ids);
  }

  /** After COMMIT: keeps the references used; returns those pruned, to delete once durable. */
  commit(): number[] {
    for (const id of this.used) this.committed.add(id);
    this.used = [];
    const pruned = this.pruned;
    this.pruned = [];
    return pruned;
  }

  /** After ROLLBACK: nothing the transaction did counts. */
  rollback(): void {
    this.used = [];
    this.pruned = [];
  }

  /** The write of a staged frame is over: deletes it from the frames file unless a committed row took it. */
  release(frame: Uint8Array): void {
    const id = this.staged.get(frame);
    if (id === undefined) return;
    this.staged.delete(frame);
    if (this.committed.delete(id)) return;
    this.file?.delete([id]);
  }

  /** Deletes pruned frames from the frames file (their rows' deletion is durable). */
  drop(ids: number[]): void {
    this.file?.delete(ids);
  }
}
