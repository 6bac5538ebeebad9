import { afterEach, describe, expect, it } from 'vitest';
import { Role, newDocId, type DocumentSession, type TrameError } from '@trame/sync';
import { createSpace, openDoc, openSpace, person, text, waitFor } from '../e2e/harness.js';
import { startCluster, type Cluster } from './cluster.js';
import { PrivateRedis } from './PrivateRedis.js';
import type { RelayProcess } from './RelayProcess.js';
import { DATABASE_URL, servicesAvailable } from './services.js';
import { TcpProxy } from './TcpProxy.js';
import { occurrences, Typist } from './typing.js';

const available = await servicesAvailable();

let cluster: Cluster | null = null;
let redis: PrivateRedis | null = null;
const proxies: TcpProxy[] = [];
const closers: Array<() => void> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) c();
  await cluster?.cleanup();
  cluster = null;
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  await redis?.kill();
  redis = null;
});

async function healthIs(
  relays: RelayProcess[],
  want: (h: Awaited<ReturnType<RelayProcess['health']>>) => boolean,
  what: string,
) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const all = await Promise.all(relays.map((r) => r.health().catch(() => null)));
    if (all.every((h) => h && want(h))) return all;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(all)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!available)('Redis restarted and PostgreSQL unreachable mid-session (issue 4, test 4)', () => {
  it('R29: writes are refused with UNAVAILABLE meanwhile, nothing acknowledged is lost, and the relays recover alone', async () => {
    // A Redis of this test's own, really killed and restarted (the shared one is left alone), and
    // a cable to PostgreSQL that the test cuts (a blackhole, not a refusal).
    expect(PrivateRedis.available(), 'redis-server must be installed (.ci/run installs it)').toBe(true);
    redis = await new PrivateRedis().start();
    const pgUrl = new URL(DATABASE_URL);
    const cable = await new TcpProxy([() => Number(pgUrl.port || 5432)]).listen();
    proxies.push(cable);
    const viaCable = new URL(DATABASE_URL);
    viaCable.hostname = '127.0.0.1';
    viaCable.port = String(cable.port);
    cluster = await startCluster(2, { databaseUrl: viaCable.toString(), redisUrl: redis.url, databaseTimeoutMs: 1000 });
    const [a, b] = cluster.relays;
    const toA = await new TcpProxy([() => a!.port, () => b!.port]).listen();
    const toB = await new TcpProxy([() => b!.port, () => a!.port]).listen();
    proxies.push(toA, toB);

    const alice = person('Alice');
    const bob = person('Bob');
    const spaceA = await createSpace(`ws://127.0.0.1:${toA.port}/ws`, alice);
    closers.push(() => spaceA.close());
    await spaceA.addMember(bob.identity.publicKey, Role.Editor);
    const spaceB = await openSpace(`ws://127.0.0.1:${toB.port}/ws`, bob, spaceA.spaceId);
    closers.push(() => spaceB.close());
    const docId = newDocId();
    const sessions: DocumentSession[] = [openDoc(spaceA, alice, docId), openDoc(spaceB, bob, docId)];
    closers.push(...sessions.map((s) => () => s.destroy()));
    await Promise.all(sessions.map((s) => s.whenSynced()));
    const errors: TrameError[] = [];
    for (const s of sessions) s.on('error', (e) => errors.push(e));
    const typists = [new Typist('alice', sessions[0]!), new Typist('bob', sessions[1]!)];
    const converged = (what: string) =>
      waitFor(
        () => sessions.every((s) => s.status === 'saved') && text(sessions[0]!) === text(sessions[1]!),
        what,
        30_000,
      );
    for (const t of typists) t.start(40);
    await waitFor(() => typists.every((t) => t.acked.length > 3), 'a few acknowledged edits from each');

    // 1. Redis dies and comes back empty.
    await redis.kill();
    const ackedBeforeRedis = typists.flatMap((t) => t.acked);
    await healthIs(
      [a!, b!],
      (h) => h.status === 503 && h.body.fanout?.ok === false && h.body.storage.ok,
      'Redis reported down',
    );
    await waitFor(() => errors.some((e) => e.code === 'UNAVAILABLE'), 'writes refused with UNAVAILABLE', 10_000);
    const duringRedis = errors.length;
    await redis.start();
    await healthIs([a!, b!], (h) => h.status === 200, 'Redis reported up again');
    await new Promise((r) => setTimeout(r, 300)); // typing goes on a little after the restart
    for (const t of typists) t.stop();
    await converged('convergence after the Redis restart');

    // 2. PostgreSQL becomes unreachable for a few seconds.
    const ackedAfterRedis = typists.map((t) => t.acked.length);
    for (const t of typists) t.start(40);
    await waitFor(() => typists.every((t, i) => t.acked.length > ackedAfterRedis[i]! + 3), 'more acknowledged edits');
    const before = errors.length;
    cable.pause();
    const ackedBeforePg = typists.flatMap((t) => t.acked);
    await healthIs([a!, b!], (h) => h.status === 503 && h.body.storage.ok === false, 'PostgreSQL reported down');
    await waitFor(
      () => errors.slice(before).some((e) => e.code === 'UNAVAILABLE'),
      'writes refused with UNAVAILABLE',
      10_000,
    );
    await new Promise((r) => setTimeout(r, 1500));
    cable.resume();
    await healthIs([a!, b!], (h) => h.status === 200 && h.body.storage.ok, 'PostgreSQL reported up again');
    await new Promise((r) => setTimeout(r, 300));
    for (const t of typists) t.stop();
    await converged('convergence after the PostgreSQL outage');

    // Only typed, retryable errors were reported; nothing acknowledged was lost, nothing doubled.
    expect(duringRedis).toBeGreaterThan(0);
    expect([...new Set(errors.map((e) => e.code))].filter((c) => c !== 'UNAVAILABLE')).toEqual([]);
    const final = text(sessions[0]!);
    for (const token of [...ackedBeforeRedis, ...ackedBeforePg])
      expect(occurrences(final, token), `acknowledged ${token}`).toBe(1);
    for (const token of typists.flatMap((t) => t.typed)) expect(occurrences(final, token), token).toBe(1);
    const fresh = await openSpace(b!.url, bob, spaceA.spaceId);
    const reader = openDoc(fresh, bob, docId);
    closers.push(
      () => reader.destroy(),
      () => fresh.close(),
    );
    await reader.whenSynced();
    expect(text(reader)).toBe(final);
  });
});
