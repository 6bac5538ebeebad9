import { afterEach, describe, expect, it } from 'vitest';
import { Role, newDocId, toHex, type DocumentSession, type ErrorCode, type TrameError } from '@trame/sync';
import { collectErrors, createSpace, openDoc, openSpace, person, text, waitFor, type Person } from '../e2e/harness.js';
import { startCluster, type Cluster } from './cluster.js';
import { servicesAvailable, sql } from './services.js';

const available = await servicesAvailable();

let cluster: Cluster | null = null;
const closers: Array<() => void> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) c();
  await cluster?.cleanup();
  cluster = null;
});

// Errors that mean the relay served frames out of order, twice, or forked history (R41-R43).
const ORDER_ERRORS: readonly ErrorCode[] = ['MISSING_UPDATES', 'REPLAY_DETECTED', 'ROLLBACK_DETECTED', 'FORK_DETECTED'];

function names(s: DocumentSession): string[] {
  return [...s.awareness.getStates().values()].map((st) => (st as { user?: { name?: string } }).user?.name ?? '?');
}

describe.skipIf(!available)('two relay processes on one PostgreSQL and one Redis (issue 4, test 1)', () => {
  it('R27/R44: clients of one document split across instances co-edit, converge, and see each other’s carets', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.relays;
    const alice = person('Alice');
    const bob = person('Bob');
    const carol = person('Carol');
    const spaceA = await createSpace(a!.url, alice);
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    await spaceA.addMember(carol.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(b!.url, bob, spaceA.spaceId);
    const spaceC = await openSpace(b!.url, carol, spaceA.spaceId);
    closers.push(
      () => spaceB.close(),
      () => spaceC.close(),
    );
    const docId = newDocId();
    // A low compaction bound: snapshots are published by whichever writer crosses it, on
    // either instance, while updates keep flowing (ordering across kinds and instances).
    const compaction = { compaction: { afterUpdates: 15, afterBytes: 1 << 20 } };
    const sessions: Array<[Person, DocumentSession]> = [
      [alice, openDoc(spaceA, alice, docId, compaction)],
      [bob, openDoc(spaceB, bob, docId, compaction)],
      [carol, openDoc(spaceC, carol, docId, compaction)],
    ];
    const errors: TrameError[] = [];
    for (const [, s] of sessions) {
      closers.push(() => s.destroy());
      s.on('error', (e) => errors.push(e));
    }
    await Promise.all(sessions.map(([, s]) => s.whenSynced()));
    const tokens: string[] = [];
    const height = async (): Promise<number> =>
      Number(
        (await sql<{ h: string | null }>(`SELECT max(height) AS h FROM "${cluster!.schema}".snapshots`))[0]!.h ?? 0,
      );
    // Everyone types until at least two compactions happened (however the machine's load
    // batches keystrokes into updates), and for at least 40 rounds.
    for (let round = 0; round < 40 || (round < 400 && (round % 10 !== 0 || (await height()) < 2)); round++) {
      for (const [who, s] of sessions) {
        const t = s.doc.getText('t');
        const token = `<${who.name}${round}>`;
        tokens.push(token);
        // At either end, so that no token can be split by another one (counted exactly below).
        t.insert(Math.random() < 0.5 ? 0 : t.length, token);
      }
      await new Promise((r) => setTimeout(r, 12)); // one UPDATE per round and writer, about
    }
    await waitFor(
      () => sessions.every(([, s]) => s.status === 'saved') && new Set(sessions.map(([, s]) => text(s))).size === 1,
      'the three editors converge',
      30_000,
    );
    const final = text(sessions[0]![1]);
    for (const token of tokens) expect(final.split(token).length - 1, token).toBe(1);
    // Awareness crossed instances: Alice (A) sees Bob and Carol (B), Bob sees Alice.
    await waitFor(() => ['Bob', 'Carol'].every((n) => names(sessions[0]![1]).includes(n)), 'Alice sees B’s carets');
    await waitFor(() => names(sessions[1]![1]).includes('Alice'), 'Bob sees Alice’s caret');
    // Nobody saw frames out of order or twice, and both instances are healthy.
    for (const r of [a!, b!])
      expect(await r.health()).toMatchObject({ status: 200, body: { ok: true, fanout: { ok: true } } });
    expect(errors.filter((e) => ORDER_ERRORS.includes(e.code)).map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    // Several compactions happened meanwhile (heights are numbered from 1, R24).
    expect(await height()).toBeGreaterThanOrEqual(2);
    // A fresh reader on either instance gets the same durable state.
    const lateSpace = await openSpace(a!.url, bob, spaceA.spaceId);
    const late = openDoc(lateSpace, bob, docId);
    closers.push(
      () => late.destroy(),
      () => lateSpace.close(),
    );
    await late.whenSynced();
    expect(text(late)).toBe(final);
  });

  it('R33: membership accepted on one instance reaches the other; a removal there closes with 4403', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.relays;
    const alice = person('Alice');
    const bob = person('Bob');
    const carol = person('Carol');
    const dave = person('Dave');
    const spaceA = await createSpace(a!.url, alice);
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    await spaceA.addMember(carol.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(b!.url, bob, spaceA.spaceId);
    const spaceC = await openSpace(b!.url, carol, spaceA.spaceId);
    closers.push(
      () => spaceB.close(),
      () => spaceC.close(),
    );
    const docId = newDocId();
    const carolDoc = openDoc(spaceC, carol, docId);
    closers.push(() => carolDoc.destroy());
    await carolDoc.whenSynced();

    await spaceA.addMember(dave.identity.publicKey, Role.Viewer);
    await waitFor(
      () => spaceB.roleOf(toHex(dave.identity.publicKey)) === Role.Viewer,
      'Bob (instance B) learns of Dave',
    );
    const carolErrors = collectErrors(carolDoc);
    let carolSpaceStatus = '';
    spaceC.on('status', (st) => (carolSpaceStatus = st));
    await spaceA.removeMember(carol.identity.publicKey);
    await waitFor(
      () => carolDoc.status === 'error' && carolSpaceStatus === 'closed',
      'Carol’s connections on B are closed',
    );
    expect(carolErrors.map((e) => [e.code, e.details.closeCode])).toContainEqual(['NOT_A_MEMBER', 4403]);
    await waitFor(() => spaceB.roleOf(toHex(carol.identity.publicKey)) === Role.None, 'Bob learns of the removal');
  });
});
