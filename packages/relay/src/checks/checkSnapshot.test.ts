import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeFrame, isTrameError, type AuthorClock, type SnapshotFrame, type TrameError } from '@trame/protocol';
import { emptyDocumentHead } from '../documents/emptyDocumentHead.js';
import type { DocumentHead } from '../storage/RelayStorage.js';
import { buildSnapshot } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { snapshotProofOf } from '../testing/snapshotProofOf.js';
import { checkSnapshot, type SnapshotFacts } from './checkSnapshot.js';

const a = createTestIdentity();
const b = createTestIdentity();
const spaceId = randomId();
const docId = randomId();

function snapshot(o: {
  parentId?: Uint8Array;
  height?: number;
  proof?: Uint8Array;
  clocks?: AuthorClock[];
  id?: Uint8Array;
  epoch?: number;
}): SnapshotFrame {
  return decodeFrame(
    buildSnapshot({
      author: a,
      spaceId,
      docId,
      snapshotId: o.id ?? randomId(),
      ...(o.parentId ? { parentId: o.parentId } : {}),
      height: o.height ?? 1,
      proof: o.proof ?? snapshotProofOf(),
      clocks: o.clocks ?? [],
      ...(o.epoch !== undefined ? { epoch: o.epoch } : {}),
    }),
  ) as SnapshotFrame;
}

function facts(over: Partial<SnapshotFacts> = {}): SnapshotFacts {
  return { epoch: 0, head: emptyDocumentHead(), stored: null, tailClocks: [], ...over };
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isTrameError(e)) return (e as TrameError).code;
    throw e;
  }
  return 'accepted';
}

describe('checkSnapshot', () => {
  it('R24: a first snapshot has height 1 and the proof over zero hashes', () => {
    expect(checkSnapshot(facts(), snapshot({}))).toBe('append');
    expect(code(() => checkSnapshot(facts(), snapshot({ height: 2 })))).toBe('BAD_PROOF');
    expect(code(() => checkSnapshot(facts(), snapshot({ proof: new Uint8Array(32) })))).toBe('BAD_PROOF');
  });

  it('R24: a later snapshot chains to its parent: parent id, height + 1, proof over the parent proof and frame hash', () => {
    const parent = snapshot({});
    const head: DocumentHead = {
      snapshotId: parent.snapshotId,
      height: 1,
      proof: parent.proof,
      frameHash: new Uint8Array(createHash('sha256').update(parent.raw).digest()),
      tailCount: 0,
      tailBytes: 0,
    };
    const proof = snapshotProofOf({ proof: parent.proof, raw: parent.raw });
    expect(checkSnapshot(facts({ head }), snapshot({ parentId: parent.snapshotId, height: 2, proof }))).toBe('append');
    expect(
      code(() => checkSnapshot(facts({ head }), snapshot({ parentId: parent.snapshotId, height: 3, proof }))),
    ).toBe('BAD_PROOF');
    expect(
      code(() =>
        checkSnapshot(facts({ head }), snapshot({ parentId: parent.snapshotId, height: 2, proof: snapshotProofOf() })),
      ),
    ).toBe('BAD_PROOF');
    expect(code(() => checkSnapshot(facts({ head }), snapshot({ parentId: randomId(), height: 2, proof })))).toBe(
      'SNAPSHOT_CONFLICT',
    );
  });

  it('R25: the clocks list exactly the authors of the tail with their last clock, in any order', () => {
    const tailClocks = [
      { author: a.publicKey, clock: 4 },
      { author: b.publicKey, clock: 2 },
    ];
    const exact = [tailClocks[1]!, tailClocks[0]!];
    expect(checkSnapshot(facts({ tailClocks }), snapshot({ clocks: exact }))).toBe('append');
    for (const clocks of [
      [tailClocks[0]!],
      [tailClocks[0]!, { author: b.publicKey, clock: 1 }],
      [...tailClocks, { author: createTestIdentity().publicKey, clock: 1 }],
      [tailClocks[0]!, tailClocks[0]!],
      [],
    ]) {
      expect(code(() => checkSnapshot(facts({ tailClocks }), snapshot({ clocks })))).toBe('SNAPSHOT_INCOMPLETE');
    }
  });

  it('R26: an existing id is SNAPSHOT_CONFLICT unless byte-identical (duplicate)', () => {
    const s = snapshot({});
    expect(checkSnapshot(facts({ stored: s.raw }), s)).toBe('duplicate');
    expect(code(() => checkSnapshot(facts({ stored: snapshot({ id: s.snapshotId }).raw }), s))).toBe(
      'SNAPSHOT_CONFLICT',
    );
  });

  it('R23: another epoch is STALE_EPOCH', () => {
    expect(code(() => checkSnapshot(facts(), snapshot({ epoch: 3 })))).toBe('STALE_EPOCH');
  });
});
