import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FrameKind } from '@trame/protocol';
import { Role, newDocId, type DocumentSession } from '@trame/sync';
import { concurrentTraceEdits, loadTrace, type ConcurrentTrace } from '../testing/traces.js';
import {
  collectErrors,
  countFrames,
  createSpace,
  openDoc,
  openSpace,
  person,
  text,
  waitFor,
  e2eScope,
} from './harness.js';

const scope = e2eScope();
const closers = scope.closers;

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Resolves once `doc` holds `client`'s structs up to `clock`. */
function untilState(doc: Y.Doc, client: number, clock: number): Promise<void> {
  if (Y.getState(doc.store, client) >= clock) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client ${client} never reached clock ${clock}`)), 20_000);
    const check = (): void => {
      if (Y.getState(doc.store, client) < clock) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('co-editing through the relay (issue test 1)', () => {
  it('three clients edit one document concurrently and converge', async () => {
    const relay = await scope.start();
    const people = [person('Alice'), person('Bob'), person('Claire')];
    const owner = await createSpace(relay.url, people[0]!);
    closers.push(() => owner.close());
    for (const p of people.slice(1)) await owner.addMember(p.identity.publicKey, Role.Editor);
    const docId = newDocId();
    const sessions: DocumentSession[] = [];
    for (const p of people) {
      const space = p === people[0] ? owner : await openSpace(relay.url, p, owner.spaceId);
      if (space !== owner) closers.push(() => space.close());
      const s = openDoc(space, p, docId);
      closers.push(() => s.destroy());
      sessions.push(s);
    }
    await Promise.all(sessions.map((s) => s.whenSynced()));
    const rand = rng(42);
    for (let i = 0; i < 600; i++) {
      const s = sessions[i % 3]!;
      const t = s.doc.getText('t');
      if (t.length > 10 && rand() < 0.25) t.delete(Math.floor(rand() * (t.length - 3)), 2);
      else t.insert(Math.floor(rand() * (t.length + 1)), `${'abc'[i % 3]}${i} `);
      if (i % 7 === 0) await tick();
    }
    await waitFor(() => sessions.every((s) => text(s) === text(sessions[0]!)), 'three-way convergence', 30_000);
    await Promise.all(sessions.map((s) => s.whenSaved()));
    expect(text(sessions[0]!).length).toBeGreaterThan(100);
    // Converged state is the relay's: a fourth session opening now sees the same text.
    const late = openDoc(owner, people[0]!, docId);
    closers.push(() => late.destroy());
    await late.whenSynced();
    expect(text(late)).toBe(text(sessions[1]!));
  });

  it('replays friendsforever through two clients, one per agent, and reaches its endContent', async () => {
    const relay = await scope.start();
    const trace = loadTrace<ConcurrentTrace>('friendsforever');
    const edits = concurrentTraceEdits(trace);
    const agents = [person('Agent 0'), person('Agent 1')];
    const owner = await createSpace(relay.url, agents[0]!);
    closers.push(() => owner.close());
    await owner.addMember(agents[1]!.identity.publicKey, Role.Editor);
    const other = await openSpace(relay.url, agents[1]!, owner.spaceId);
    closers.push(() => other.close());
    const docId = newDocId();
    const sessions = [openDoc(owner, agents[0]!, docId), openDoc(other, agents[1]!, docId)];
    closers.push(...sessions.map((s) => () => s.destroy()));
    const errors = sessions.map((s) => collectErrors(s));
    if (process.env.TRAME_DEBUG)
      sessions.forEach((s, i) => s.on('error', (e) => console.log('session', i, e.code, e.message)));
    await Promise.all(sessions.map((s) => s.whenSynced()));
    // Each client applies its own agent's transactions in trace order; before an edit that
    // builds on the other agent's text, it waits until that text has arrived through the relay.
    for (let i = 0; i < edits.length; i++) {
      const e = edits[i]!;
      const doc = sessions[e.agent]!.doc;
      for (const [client, clock] of e.requires) await untilState(doc, client, clock);
      Y.applyUpdate(doc, e.update);
      if (i % 200 === 0) await tick();
    }
    await waitFor(() => sessions.every((s) => text(s) === trace.endContent), 'endContent on both clients', 60_000);
    await Promise.all(sessions.map((s) => s.whenSaved()));
    expect(errors.flat().map((e) => e.code)).toEqual([]);
    // A third client loading the relay's copy gets the same text, from a snapshot and a tail.
    const reader = openDoc(owner, agents[0]!, docId);
    const frames = countFrames(reader);
    closers.push(() => reader.destroy());
    await reader.whenSynced();
    expect(text(reader)).toBe(trace.endContent);
    expect(frames.get(FrameKind.Snapshot)).toBe(1);
  });
});
