import { describe, expect, it } from 'vitest';
import { decodeFrame, isTrameError, TrameError, type UpdateFrame } from '@trame/protocol';
import { emptyDocumentHead } from '../documents/emptyDocumentHead.js';
import { buildUpdate } from '../testing/buildFrames.js';
import { createTestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { checkUpdate, type UpdateFacts } from './checkUpdate.js';

const author = createTestIdentity();
const spaceId = randomId();
const docId = randomId();

function update(clock: number, extra: Partial<Parameters<typeof buildUpdate>[0]> = {}): UpdateFrame {
  return decodeFrame(buildUpdate({ author, spaceId, docId, clock, ...extra })) as UpdateFrame;
}

function facts(over: Partial<UpdateFacts> = {}): UpdateFacts {
  return { epoch: 0, head: emptyDocumentHead(), stored: null, lastClock: 0, ...over };
}

function rejection(fn: () => unknown): TrameError {
  try {
    fn();
  } catch (e) {
    if (isTrameError(e)) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('checkUpdate', () => {
  it('R20: accepts exactly last + 1', () => {
    expect(checkUpdate(facts(), update(1))).toBe('append');
    expect(checkUpdate(facts({ lastClock: 41 }), update(42))).toBe('append');
  });

  it('R20: a higher clock is CLOCK_GAP with the missing range', () => {
    const e = rejection(() => checkUpdate(facts({ lastClock: 3 }), update(9)));
    expect(e.code).toBe('CLOCK_GAP');
    expect(e.details.range).toEqual({ from: 4, to: 8 });
  });

  it('R20: a lower or equal clock is CLOCK_REPLAY', () => {
    expect(rejection(() => checkUpdate(facts({ lastClock: 3 }), update(3))).code).toBe('CLOCK_REPLAY');
    expect(rejection(() => checkUpdate(facts({ lastClock: 3 }), update(1))).code).toBe('CLOCK_REPLAY');
  });

  it('R21: byte-identical to the stored update is a duplicate, even once the snapshot moved on', () => {
    const u = update(2);
    const moved = { ...emptyDocumentHead(), snapshotId: randomId(), height: 1 };
    expect(checkUpdate(facts({ lastClock: 2, stored: u.raw }), u)).toBe('duplicate');
    expect(checkUpdate(facts({ head: moved, stored: u.raw }), u)).toBe('duplicate');
    const other = update(2);
    expect(rejection(() => checkUpdate(facts({ lastClock: 2, stored: other.raw }), u)).code).toBe('CLOCK_REPLAY');
  });

  it('R22: an update on another snapshot is STALE_SNAPSHOT with the latest id', () => {
    const latest = randomId();
    const e = rejection(() =>
      checkUpdate(facts({ head: { ...emptyDocumentHead(), snapshotId: latest, height: 1 } }), update(1)),
    );
    expect(e.code).toBe('STALE_SNAPSHOT');
    expect(e.details.latestSnapshotId).toBe(Buffer.from(latest).toString('hex'));
  });

  it('R23: another epoch is STALE_EPOCH', () => {
    expect(rejection(() => checkUpdate(facts({ epoch: 2 }), update(1, { epoch: 1 }))).code).toBe('STALE_EPOCH');
  });
});
