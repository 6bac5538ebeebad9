import { encodeSnapshotHeader, fromHex, ZERO_HASH, ZERO_ID } from '@trame/protocol';
import { randomBytes, sealContentFrame, sha256, snapshotProof } from '@trame/crypto';
import type { SnapshotHead } from '../verify/SnapshotHead.js';
import type { InflightSnapshot } from './Inflight.js';
import type { WriterContext } from './WriterContext.js';

/**
 * R24-R26, R46: the next SNAPSHOT on `parent`, carrying `state` (the parent and its tail
 * applied to a Y.Doc and encoded) and listing every author's last clock on the parent and the
 * chain link of that update (R50).
 */
export function sealSnapshot(
  w: WriterContext,
  parent: SnapshotHead | null,
  clocks: ReadonlyMap<string, number>,
  links: ReadonlyMap<string, Uint8Array>,
  state: Uint8Array,
  includes: Uint8Array[],
): InflightSnapshot {
  const epoch = w.space.epoch;
  const id = randomBytes(16);
  const height = (parent?.height ?? 0) + 1;
  const proof = snapshotProof(parent);
  const header = encodeSnapshotHeader({
    spaceId: w.space.spaceId,
    docId: w.docId,
    epoch,
    snapshotId: id,
    parentId: parent?.id ?? ZERO_ID,
    height,
    proof,
    author: w.identity.publicKey,
    ...w.membershipView(),
    clocks: [...clocks]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([hex, clock]) => ({ author: fromHex(hex), clock, link: links.get(hex) ?? ZERO_HASH })),
  });
  const frame = sealContentFrame(header, w.space.docKey(epoch, w.docId), state, w.identity);
  return { kind: 'snapshot', frame, head: { id, height, proof, frameHash: sha256(frame) }, includes, epoch };
}
