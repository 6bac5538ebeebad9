import { afterEach, describe, expect, it } from 'vitest';
import { errorCodeFromNumber, FrameKind, toHex, type AckFrame, type ErrorFrame } from '@trame/protocol';
import { Role, newDocId } from '@trame/sync';
import { createSpace, person } from '../e2e/harness.js';
import { startCluster, type Cluster } from './cluster.js';
import { chainToRawUpdate, RawClient, rawSnapshot, rawUpdate, type SnapshotPosition } from './rawFrames.js';
import { servicesAvailable, sql } from './services.js';

const available = await servicesAvailable();

let cluster: Cluster | null = null;
const closers: Array<() => void> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) c();
  await cluster?.cleanup();
  cluster = null;
});

function outcome(f: AckFrame | ErrorFrame): string {
  if (f.kind === FrameKind.Ack) return f.duplicate ? 'duplicate' : 'ack';
  return errorCodeFromNumber(f.code);
}

describe.skipIf(!available)('concurrent writes for one document through both instances (issue 4, test 2)', () => {
  it('R20/R24/R27: no clock is accepted twice, snapshots never fork, and both instances forward one order', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.relays;
    const alice = person('Alice');
    const bob = person('Bob');
    const carol = person('Carol');
    const space = await createSpace(a!.url, alice);
    closers.push(() => space.close());
    await space.addMember(bob.identity.publicKey, Role.Editor);
    await space.addMember(carol.identity.publicKey, Role.Viewer);
    const spaceId = space.spaceId;
    const docId = newDocId();
    // Bob writes through both instances at once (two connections, one identity), Alice
    // compacts through both at once, Carol reads on each instance.
    const [bobA, bobB, aliceA, aliceB, carolA, carolB] = [
      new RawClient(a!.url, bob.identity, spaceId, docId),
      new RawClient(b!.url, bob.identity, spaceId, docId),
      new RawClient(a!.url, alice.identity, spaceId, docId),
      new RawClient(b!.url, alice.identity, spaceId, docId),
      new RawClient(a!.url, carol.identity, spaceId, docId),
      new RawClient(b!.url, carol.identity, spaceId, docId),
    ];
    const all = [bobA, bobB, aliceA, aliceB, carolA, carolB];
    closers.push(...all.map((c) => () => c.close()));
    await Promise.all(all.map((c) => c.ready()));

    const accepted: string[] = [];
    const wins = [0, 0];
    let parent: SnapshotPosition | null = null;
    for (let height = 1; height <= 5; height++) {
      for (let clock = 1; clock <= 12; clock++) {
        const frames = [0, 1].map(() => rawUpdate(bob.identity, spaceId, docId, clock, parent?.id));
        // Who sends first alternates, so that neither instance is favoured.
        if (clock % 2) {
          bobA.send(frames[0]!);
          bobB.send(frames[1]!);
        } else {
          bobB.send(frames[1]!);
          bobA.send(frames[0]!);
        }
        const answers = (await Promise.all([bobA.answer(), bobB.answer()])).map(outcome);
        expect([...answers].sort(), `clock ${clock} on height ${height}`).toEqual(['CLOCK_REPLAY', 'ack']);
        const won = answers.indexOf('ack');
        wins[won]! += 1;
        chainToRawUpdate(frames[won]!);
        accepted.push(toHex(frames[won]!));
      }
      const candidates = [0, 1].map(() =>
        rawSnapshot(alice.identity, spaceId, docId, parent, [{ author: bob.identity.publicKey, clock: 12 }]),
      );
      aliceA.send(candidates[0]!.raw);
      aliceB.send(candidates[1]!.raw);
      const answers = (await Promise.all([aliceA.answer(), aliceB.answer()])).map(outcome);
      expect([...answers].sort(), `snapshot at height ${height}`).toEqual(['SNAPSHOT_CONFLICT', 'ack']);
      parent = candidates[answers.indexOf('ack')]!;
      accepted.push(toHex(parent.raw));
    }
    console.log(`update races won: instance A ${wins[0]}, instance B ${wins[1]}`);
    // The race was real: each instance won some rounds (60 coin flips).
    expect(wins[0]).toBeGreaterThan(0);
    expect(wins[1]).toBeGreaterThan(0);
    // Readers on both instances received exactly the accepted frames, in the same order.
    const seen = async (c: RawClient) => {
      const deadline = Date.now() + 10_000;
      while (c.forwarded().length < accepted.length && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      return c.forwarded().map((f) => toHex(f.raw));
    };
    expect(await seen(carolA)).toEqual(accepted);
    expect(await seen(carolB)).toEqual(accepted);
    // And PostgreSQL agrees: one row per (snapshot, author, clock), one snapshot per height.
    const s = `"${cluster.schema}"`;
    const dupes = await sql(`SELECT snapshot_id, author, clock FROM ${s}.updates GROUP BY 1, 2, 3 HAVING count(*) > 1`);
    expect(dupes).toEqual([]);
    const snapshots = await sql<{ height: string; parent_id: Buffer }>(
      `SELECT height, parent_id FROM ${s}.snapshots ORDER BY height`,
    );
    expect(snapshots.map((r) => Number(r.height))).toEqual([4, 5]);
    const [head] = await sql<{ height: string; seq: string }>(`SELECT height, seq FROM ${s}.documents`);
    expect([Number(head!.height), Number(head!.seq)]).toEqual([5, 65]);
  });
});
