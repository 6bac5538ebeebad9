import { afterEach, describe, expect, it } from 'vitest';
import { Role, newDocId, type DocumentSession } from '@trame/sync';
import { createSpace, openDoc, openSpace, person, text, waitFor } from '../e2e/harness.js';
import { startCluster, type Cluster } from './cluster.js';
import { servicesAvailable } from './services.js';
import { TcpProxy } from './TcpProxy.js';
import { occurrences, Typist } from './typing.js';

const available = await servicesAvailable();

let cluster: Cluster | null = null;
const proxies: TcpProxy[] = [];
const closers: Array<() => void> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) c();
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  await cluster?.cleanup();
  cluster = null;
});

describe.skipIf(!available)('kill -9 of one instance while its clients type (issue 4, test 3)', () => {
  it('R14/R21/R45: its clients move to the other instance; every acknowledged update survives, none twice', async () => {
    cluster = await startCluster(2);
    const [a, b] = cluster.relays;
    // Two load balancers with failover (like nginx upstreams): one prefers A, one prefers B.
    const toA = await new TcpProxy([() => a!.port, () => b!.port]).listen();
    const toB = await new TcpProxy([() => b!.port, () => a!.port]).listen();
    proxies.push(toA, toB);
    const viaA = `ws://127.0.0.1:${toA.port}/ws`;
    const viaB = `ws://127.0.0.1:${toB.port}/ws`;

    const alice = person('Alice');
    const bob = person('Bob');
    const carol = person('Carol');
    const spaceA = await createSpace(viaA, alice);
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    await spaceA.addMember(carol.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(viaB, bob, spaceA.spaceId);
    const spaceC = await openSpace(viaA, carol, spaceA.spaceId);
    closers.push(
      () => spaceB.close(),
      () => spaceC.close(),
    );
    const docId = newDocId();
    const compaction = { compaction: { afterUpdates: 30, afterBytes: 1 << 20 } };
    const sessions: DocumentSession[] = [
      openDoc(spaceA, alice, docId, compaction),
      openDoc(spaceB, bob, docId, compaction),
      openDoc(spaceC, carol, docId, compaction),
    ];
    closers.push(...sessions.map((s) => () => s.destroy()));
    await Promise.all(sessions.map((s) => s.whenSynced()));
    const typists = [
      new Typist('alice', sessions[0]!),
      new Typist('bob', sessions[1]!),
      new Typist('carol', sessions[2]!),
    ];
    expect(toA.accepted[0]).toBeGreaterThanOrEqual(3); // Alice's and Carol's connections are on A
    expect(toB.accepted[0]).toBeGreaterThanOrEqual(2); // Bob's on B

    for (const t of typists) t.start(40);
    await waitFor(() => typists.every((t) => t.acked.length > 5), 'a few acknowledged edits from everyone');
    await a!.kill(); // SIGKILL while everyone types: transactions cut, no close frame
    const ackedAtKill = typists.flatMap((t) => t.acked);
    await new Promise((r) => setTimeout(r, 700)); // they keep typing through the failover
    for (const t of typists) t.stop();

    await waitFor(
      () => sessions.every((s) => s.status === 'saved') && new Set(sessions.map((s) => text(s))).size === 1,
      'everyone reconnected (A’s clients to B) and converged',
      30_000,
    );
    expect(toA.accepted[1]).toBeGreaterThanOrEqual(3); // A's clients failed over to B
    const final = text(sessions[0]!);
    for (const token of ackedAtKill) expect(occurrences(final, token), `acknowledged ${token}`).toBe(1);
    for (const token of typists.flatMap((t) => t.typed)) expect(occurrences(final, token), token).toBe(1);
    // It is the durable state: a fresh session on the surviving instance reads the same text.
    const fresh = await openSpace(b!.url, bob, spaceA.spaceId);
    const reader = openDoc(fresh, bob, docId);
    closers.push(
      () => reader.destroy(),
      () => fresh.close(),
    );
    await reader.whenSynced();
    expect(text(reader)).toBe(final);
    expect((await b!.health()).status).toBe(200);
  });
});
