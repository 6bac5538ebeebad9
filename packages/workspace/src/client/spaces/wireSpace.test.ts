import { Role, TrameError } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readProfiles } from '../../space/readProfiles.js';
import type { MembershipPin } from '../../sync/SyncApi.js';
import { fakeCore } from '../../testing/fakeCore.js';
import { FakeRelay } from '../../testing/FakeRelay.js';
import type { FakeSpaceSession } from '../../testing/FakeSpaceSession.js';
import { wireSpace } from './wireSpace.js';

/** A space made by Alice, and its session and index as another core opens them (unwired). */
async function setUp(role: Role) {
  const relay = new FakeRelay();
  const alice = await fakeCore(relay, 'Alice');
  const session = await relay.api().SpaceSession.create(alice.core.connectOptions());
  const bob = await fakeCore(relay, 'Bob');
  relay.spaces.get(session.spaceIdHex)!.members.set(bob.core.myId, role);
  const bobSession = (await relay.api().SpaceSession.open({
    ...bob.core.connectOptions(),
    spaceId: session.spaceId,
  })) as FakeSpaceSession;
  const index = bob.core.openDoc(bobSession, bobSession.spaceId);
  const seen = { pins: [] as MembershipPin[], removed: 0, refused: [] as unknown[] };
  wireSpace(bobSession, index, {
    me: bob.core.me,
    location: null,
    on: { pin: (p) => seen.pins.push(p), removed: () => seen.removed++, refused: (e) => seen.refused.push(e) },
  });
  await new Promise((r) => setTimeout(r, 0));
  return { relay, bob, session: bobSession, index, seen };
}

describe('wireSpace', () => {
  it("a writer writes its profile in the index; an observer's announced name is recorded by a writer", async () => {
    const member = await setUp(Role.Editor);
    expect(readProfiles(member.index.doc).get(member.bob.core.myId)?.displayName).toBe('Bob');
    // Olga, an observer, announces her name in the index's awareness; a stranger does too.
    for (const [id, name, role] of [
      ['0a'.repeat(32), 'Olga', Role.Viewer],
      ['0b'.repeat(32), 'Stranger', Role.None],
    ] as const) {
      if (role !== Role.None) member.relay.spaces.get(member.session.spaceIdHex)!.members.set(id, role);
      const theirs = new Awareness(new Y.Doc());
      theirs.setLocalStateField('user', { id, name, color: '#117733' });
      applyAwarenessUpdate(member.index.awareness, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');
    }
    expect(readProfiles(member.index.doc).get('0a'.repeat(32))?.displayName).toBe('Olga');
    expect(readProfiles(member.index.doc).has('0b'.repeat(32))).toBe(false);
    const observer = await setUp(Role.Viewer);
    expect(readProfiles(observer.index.doc).has(observer.bob.core.myId)).toBe(false);
  });

  it('MEMBERSHIP-6: a refusal is reported (not INVALID_MEMBERSHIP), a verified removal and pins pass through', async () => {
    const { session, seen } = await setUp(Role.Editor);
    session.emit('error', [new TrameError('NOT_A_MEMBER', 'relay says so')]);
    session.emit('error', [new TrameError('INVALID_MEMBERSHIP', 'invite used')]);
    session.emit('error', [new TrameError('DECRYPT_FAILED', 'noise')]);
    expect(seen.refused.map((e) => (e as TrameError).code)).toEqual(['NOT_A_MEMBER']);
    expect(seen.removed).toBe(0);
    const pin = { genesisHash: new Uint8Array(32), seq: 4, headHash: new Uint8Array(32) };
    session.emit('pin', [pin]);
    session.emit('removed', []);
    expect(seen.pins).toEqual([pin]);
    expect(seen.removed).toBe(1);
  });
});
