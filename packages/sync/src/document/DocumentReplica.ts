import * as Y from 'yjs';
import { ZERO_ID } from '@trame/protocol';
import type { SnapshotHead } from '../verify/SnapshotHead.js';
import type { DocumentHeads } from '../heads/HeadStore.js';
import { documentHeadsOf } from '../heads/documentHeadsOf.js';

/**
 * What this client holds of a document's history at the relay: a shadow Y.Doc of everything the
 * relay has or will receive from us, the snapshot it builds on, and per author the clock (R41)
 * and chain link (R50) of the last UPDATE on it. Shared by the engine's parts: the remote
 * frames fill it, the outbox seals against it.
 */
export class DocumentReplica {
  readonly shadow = new Y.Doc();
  /** The latest snapshot this client holds (R24, R43). */
  current: SnapshotHead | null = null;
  /**
   * R73: the oldest key epoch of what the relay holds as this document's state (its latest
   * snapshot, or with none its tail); null for an empty document. Below the space's epoch, a
   * writer's next frame is a snapshot under the new key.
   */
  docEpoch: number | null = null;
  /** Each author's last clock on the current snapshot (R41). */
  clocks = new Map<string, number>();
  /** Chain link of each author's last UPDATE on the current snapshot (R50). */
  links = new Map<string, Uint8Array>();
  /** Which author each Yjs client id belongs to on this document (R52). */
  readonly yjsOwners = new Map<number, string>();
  /** The latest snapshot could not be read or was not its parent + tail: replace it (R53). */
  replaceSnapshot = false;

  /** The current snapshot's id, zeros before the first. */
  get currentId(): Uint8Array {
    return this.current?.id ?? ZERO_ID;
  }

  /** `author`'s last clock on the current snapshot, 0 if none. */
  clockOf(author: string): number {
    return this.clocks.get(author) ?? 0;
  }

  /** A new snapshot: clocks and chains start again (R20, R50). */
  resetChains(): void {
    this.clocks = new Map();
    this.links = new Map();
  }

  /**
   * Our SNAPSHOT is the document's latest: its ACK came, or (R47: forwards do not wait for
   * the sync, ACKs do) another writer's frame built on it arrived first.
   */
  adoptOwnSnapshot(head: SnapshotHead, epoch: number): void {
    // Its ACK may come after a child of it was already received and applied (R47: frames are
    // forwarded at COMMIT, ACKs wait for the sync): never step back to it.
    if (this.current && this.current.height >= head.height) return;
    this.current = head;
    this.docEpoch = epoch;
    this.resetChains();
  }

  /** Where this client stands, as heads to record (R42, R55); null when it holds nothing. */
  heads(): DocumentHeads | null {
    return documentHeadsOf(this.current, this.clocks);
  }

  destroy(): void {
    this.shadow.destroy();
  }
}
