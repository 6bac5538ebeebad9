import {
  appendSignature,
  decodeFrame,
  encodeContentBody,
  encodeSnapshotHeader,
  encodeUpdateHeader,
  FrameKind,
  signingInput,
  toHex,
  ZERO_HASH,
  ZERO_ID,
  type AckFrame,
  type ErrorFrame,
  type Frame,
  type UpdateFrame,
} from '@trame/protocol';
import { chainLink, randomBytes, sha256, sign, snapshotProof, type Identity } from '@trame/crypto';
import { rogue, type RogueClient } from '../e2e/harness.js';

/** R50/R80: the chain link of every update built here, by (space, doc, snapshot, author, clock). */
const built = new Map<string, Uint8Array>();
const at = (
  spaceId: Uint8Array,
  docId: Uint8Array,
  snapshotId: Uint8Array,
  author: Uint8Array,
  clock: number,
): string => `${toHex(spaceId)}:${toHex(docId)}:${toHex(snapshotId)}:${toHex(author)}:${clock}`;

/**
 * A signed UPDATE with random "ciphertext" (the relay neither decrypts nor verifies it), chained
 * to the update built here last for the previous clock (R80).
 */
export function rawUpdate(
  author: Identity,
  spaceId: Uint8Array,
  docId: Uint8Array,
  clock: number,
  snapshotId = ZERO_ID,
  ciphertext: Uint8Array = randomBytes(64),
): Uint8Array {
  const prevLink = built.get(at(spaceId, docId, snapshotId, author.publicKey, clock - 1)) ?? ZERO_HASH;
  const header = encodeUpdateHeader({
    spaceId,
    docId,
    epoch: 0,
    snapshotId,
    author: author.publicKey,
    clock,
    prevLink,
  });
  const body = encodeContentBody(header, randomBytes(24), ciphertext);
  built.set(at(spaceId, docId, snapshotId, author.publicKey, clock), chainLink(body));
  return appendSignature(body, sign(author.secretKey, signingInput(FrameKind.Update, body)));
}

/** R80: of several frames built for one clock, the relay stored this one: the next chains to it. */
export function chainToRawUpdate(raw: Uint8Array): void {
  const f = decodeFrame(raw) as UpdateFrame;
  built.set(at(f.spaceId, f.docId, f.snapshotId, f.author, f.clock), chainLink(f.body));
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
    clocks: clocks.map((c) => ({
      ...c,
      link: built.get(at(spaceId, docId, parent?.id ?? ZERO_ID, c.author, c.clock)) ?? ZERO_HASH,
    })),
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
