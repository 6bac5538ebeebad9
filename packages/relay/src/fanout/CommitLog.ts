/** Frames committed after a position, and the head's position, read in one view. */
export interface CommittedFrames {
  /** The head's sequence: the document's commit seq (0: nothing yet), or the membership seq (-1: no space). */
  headSeq: number;
  /** In sequence order. Frames pruned meanwhile (R28) are absent: they are in a later snapshot. */
  frames: Array<{ seq: number; frame: Uint8Array }>;
}

/**
 * What a fan-out shared by several relay instances reads from durable storage to fill gaps:
 * frames another instance committed but whose message this instance missed (publisher killed
 * between COMMIT and PUBLISH, Redis restarted, subscriber reconnecting). Implemented by
 * `PostgresStorage`; documents are ordered by their commit seq, spaces by their membership seq.
 */
export interface CommitLog {
  documentFramesAfter(spaceId: Uint8Array, docId: Uint8Array, afterSeq: number): Promise<CommittedFrames>;
  membershipAfter(spaceId: Uint8Array, afterSeq: number): Promise<CommittedFrames>;
  /** Commit seq of each listed document that exists; keys are space hex ‖ doc hex. */
  documentSeqs(keys: ReadonlyArray<readonly [Uint8Array, Uint8Array]>): Promise<Map<string, number>>;
  /** Membership seq of each listed space that exists; keys are space hex. */
  spaceSeqs(spaceIds: readonly Uint8Array[]): Promise<Map<string, number>>;
}
