import { decodeFrame, FrameKind } from '@trame/protocol';
import { createTestIdentity, type TestIdentity } from '../testing/createTestIdentity.js';
import { randomId } from '../testing/randomId.js';
import { createTestSpace, type TestSpace } from '../testing/spaces.js';
import { TestClient } from '../testing/TestClient.js';
import { buildUpdate } from '../testing/buildFrames.js';
import { fuzzSeeds } from './fuzzSeeds.js';
import { mutateFrame, seededRandom } from './mutateFrame.js';

/** Connection states a fuzzed frame is sent in (PROTOCOL.md §5). */
export const WIRE_STATES = ['hello', 'auth', 'genesis', 'open'] as const;
export type WireState = (typeof WIRE_STATES)[number];

/** What a wire fuzz run found. */
export interface WireFuzzReport {
  frames: number;
  /** Answered with ERROR (a typed error). */
  typedErrors: number;
  /** Accepted (ACK, CHALLENGE or READY), or an EPHEMERAL that parses (never answered). */
  accepted: number;
  /** The relay closed the socket with a Trame close code (4400-4599) or 1009 without an ERROR. */
  closedTyped: number;
  /** No answer, or a close outside those codes: a relay bug. */
  foreign: number;
  firstForeign: string | null;
  slowestMs: number;
  byState: Record<WireState, number>;
  /** After the run: /health answers 200 and a member's update is acknowledged. */
  stillServing: boolean;
}

/**
 * Sends `count` random and mutated frames to a live relay (`url`, `httpUrl`), spread over the
 * connection states, one at a time, and classifies each answer. A connection closed by a
 * final error is replaced by a new one in the same state.
 */
export async function fuzzWire(url: string, httpUrl: string, count: number, seed = 1): Promise<WireFuzzReport> {
  const rand = seededRandom(seed);
  const admin = createTestIdentity();
  const space = await createTestSpace(url, admin);
  const docId = randomId();
  const seeds = fuzzSeeds(admin, createTestIdentity(), space.spaceId, docId);
  const report: WireFuzzReport = {
    frames: 0,
    typedErrors: 0,
    accepted: 0,
    closedTyped: 0,
    foreign: 0,
    firstForeign: null,
    slowestMs: 0,
    byState: { hello: 0, auth: 0, genesis: 0, open: 0 },
    stillServing: false,
  };
  const open: Partial<Record<WireState, TestClient>> = {};
  try {
    for (let i = 0; i < count; i++) {
      const state = WIRE_STATES[i % WIRE_STATES.length]!;
      let client = open[state];
      if (!client || client.isClosed) {
        client = await connectIn(state, url, admin, space, docId);
        open[state] = client;
      }
      const input = mutateFrame(seeds, rand);
      const t = performance.now();
      const outcome = await sendAndClassify(client, input, state);
      const ms = performance.now() - t;
      if (ms > report.slowestMs) report.slowestMs = ms;
      report.frames += 1;
      report.byState[state] += 1;
      if (outcome === 'error') report.typedErrors += 1;
      else if (outcome === 'accepted') report.accepted += 1;
      else if (outcome === 'closed') report.closedTyped += 1;
      else {
        report.foreign += 1;
        report.firstForeign ??= `${state}: ${outcome} on ${Buffer.from(input).toString('hex').slice(0, 200)}`;
      }
    }
    report.stillServing = await stillServing(url, httpUrl, admin, space);
  } finally {
    await Promise.all(Object.values(open).map((c) => c?.close()));
    await space.control.close();
  }
  return report;
}

async function connectIn(
  state: WireState,
  url: string,
  admin: TestIdentity,
  space: TestSpace,
  docId: Uint8Array,
): Promise<TestClient> {
  const c = await TestClient.connect(url);
  if (state === 'hello') return c;
  if (state === 'auth') {
    const { encodeHello, ZERO_ID } = await import('@trame/protocol');
    c.send(
      encodeHello({
        create: false,
        spaceId: space.spaceId,
        docId,
        identity: admin.publicKey,
        knownMembershipSeq: -1,
        knownSnapshotId: ZERO_ID,
        knownTailCount: 0,
      }),
    );
    await c.expect(FrameKind.Challenge);
    return c;
  }
  if (state === 'genesis') {
    await c.authenticate(createTestIdentity(), { spaceId: randomId(), create: true });
    return c;
  }
  await c.authenticate(admin, { spaceId: space.spaceId, docId });
  return c;
}

type Outcome = 'error' | 'accepted' | 'closed' | string;

async function sendAndClassify(c: TestClient, input: Uint8Array, state: WireState): Promise<Outcome> {
  let silent = false;
  try {
    const f = decodeFrame(input);
    // An EPHEMERAL that parses is forwarded or dropped, never answered (R14, R63).
    silent = f.kind === FrameKind.Ephemeral && state === 'open';
  } catch {
    // Refused by the relay too: an ERROR or a close is expected.
  }
  try {
    c.send(input);
  } catch {
    return 'closed';
  }
  if (silent) return 'accepted';
  try {
    for (;;) {
      const f = await c.next(2000);
      if (f.kind === FrameKind.Error) return 'error';
      if (f.kind === FrameKind.Ack || f.kind === FrameKind.Challenge || f.kind === FrameKind.Ready) return 'accepted';
      // Forwarded frames of other connections are not answers; keep reading.
    }
  } catch (e) {
    const closed = await Promise.race([c.closed, new Promise<null>((r) => setTimeout(() => r(null), 50))]);
    if (closed && ((closed.code >= 4400 && closed.code < 4600) || closed.code === 1009)) return 'closed';
    return closed ? `closed with ${closed.code}` : `no answer (${e instanceof Error ? e.message : 'unknown'})`;
  }
}

async function stillServing(url: string, httpUrl: string, admin: TestIdentity, space: TestSpace): Promise<boolean> {
  const health = await fetch(`${httpUrl}/health`).catch(() => null);
  if (health?.status !== 200) return false;
  const docId = randomId();
  const [c] = await TestClient.open(url, admin, { spaceId: space.spaceId, docId });
  try {
    c.send(buildUpdate({ author: admin, spaceId: space.spaceId, docId, clock: 1 }));
    return (await c.expectAck()).number === 1;
  } finally {
    await c.close();
  }
}
