import {
  appendSignature,
  encodeContentBody,
  encodeSnapshotHeader,
  encodeUpdateHeader,
  FrameKind,
  signingInput,
  ZERO_ID,
  type AckFrame,
  type ErrorFrame,
  type Frame,
} from '@trame/protocol';
import { randomBytes, sha256, sign, snapshotProof, type Identity } from '@trame/crypto';
import { rogue, type RogueClient } from '../e2e/harness.js';

/** A signed UPDATE with random "ciphertext" (the relay neither decrypts nor verifies it). */
export function rawUpdate(
  author: Identity,
  spaceId: Uint8Array,
  docId: Uint8Array,
  clock: number,
  snapshotId = ZERO_ID,
  ciphertext: Uint8Array = randomBytes(64),
): Uint8Array {
  const header = encodeUpdateHeader({ spaceId, docId, epoch: 0, snapshotId, author: author.publicKey, clock });
  const body = encodeContentBody(header, randomBytes(24), ciphertext);
  return appendSignature(body, sign(author.secretKey, signingInput(FrameKind.Update, body)));
}

/** A snapshot that can be published on top of `parent` (null: the first one). */
export interface SnapshotPosition {
  id: Uint8Array;
  height: number;
  proof: Uint8Array;
  raw: Uint8Array;
}

/** A signed SNAPSHOT on `parent` listing `clocks` (R24/R25), with random "ciphertext". */
export function rawSnapshot(
  author: Identity,
  spaceId: Uint8Array,
  docId: Uint8Array,
  parent: SnapshotPosition | null,
  clocks: Array<{ author: Uint8Array; clock: number }>,
): SnapshotPosition {
  const id = randomBytes(16);
  const height = (parent?.height ?? 0) + 1;
  const proof = snapshotProof(parent ? { proof: parent.proof, frameHash: sha256(parent.raw) } : null);
  const header = encodeSnapshotHeader({
    spaceId,
    docId,
    epoch: 0,
    snapshotId: id,
    parentId: parent?.id ?? ZERO_ID,
    height,
    proof,
    author: author.publicKey,
    clocks,
  });
  const body = encodeContentBody(header, randomBytes(24), randomBytes(128));
  return {
    id,
    height,
    proof,
    raw: appendSignature(body, sign(author.secretKey, signingInput(FrameKind.Snapshot, body))),
  };
}

/** A raw authenticated connection that tells answers (ACK/ERROR) from forwarded frames. */
export class RawClient {
  private readonly client: RogueClient;
  private read = 0;

  constructor(url: string, identity: Identity, spaceId: Uint8Array, docId: Uint8Array) {
    this.client = rogue(url, identity, spaceId, docId);
  }

  ready(): Promise<unknown> {
    return this.client.ready;
  }

  send(bytes: Uint8Array): void {
    this.client.conn.send(bytes);
  }

  /** Content frames received after READY (forwarded from other connections), in order. */
  forwarded(): Frame[] {
    const all = this.client.frames;
    const at = all.findIndex((f) => f.kind === FrameKind.Ready);
    return all.slice(at + 1).filter((f) => f.kind === FrameKind.Update || f.kind === FrameKind.Snapshot);
  }

  /** The next ACK or ERROR answering this connection's frames. */
  async answer(timeoutMs = 10_000): Promise<AckFrame | ErrorFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frames = this.client.frames;
      while (this.read < frames.length) {
        const f = frames[this.read++]!;
        if (f.kind === FrameKind.Ack || f.kind === FrameKind.Error) return f;
      }
      if (Date.now() > deadline) throw new Error('no answer from the relay');
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  close(): void {
    this.client.conn.close();
  }
}
