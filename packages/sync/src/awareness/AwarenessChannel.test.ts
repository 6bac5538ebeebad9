import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import { decodeFrame, toHex, type EphemeralFrame, type TrameError } from '@trame/protocol';
import { generateIdentity, ready, type Identity } from '@trame/crypto';
import type { SpaceState } from '../space/SpaceState.js';
import { AwarenessChannel } from './AwarenessChannel.js';

beforeAll(async () => {
  await ready();
});

const key = new Uint8Array(32).fill(4);
const channels: AwarenessChannel[] = [];
const awarenesses: Awareness[] = [];

afterEach(() => {
  for (const c of channels.splice(0)) c.destroy();
  for (const a of awarenesses.splice(0)) a.destroy();
});

interface Peer {
  identity: Identity;
  awareness: Awareness;
  channel: AwarenessChannel;
  sent: EphemeralFrame[];
  delivered: Uint8Array[];
  reported: TrameError[];
}

/** A peer of a space whose members are `members` (hex), all editors. */
function peer(identity: Identity, members: () => string[], claim?: string): Peer {
  const self = toHex(identity.publicKey);
  const space = {
    epoch: 0,
    spaceId: new Uint8Array(16).fill(1),
    selfId: self,
    myRole: 2,
    hasKey: () => true,
    roleOf: (id: string) => (members().includes(id) ? 2 : 0),
    docKey: () => key,
    checkView: () => null,
  } as unknown as SpaceState;
  const awareness = new Awareness(new Y.Doc());
  awarenesses.push(awareness);
  awareness.setLocalStateField('user', { id: claim ?? self, name: 'x' });
  const p: Peer = {
    identity,
    awareness,
    sent: [],
    delivered: [],
    reported: [],
    channel: new AwarenessChannel({
      identity,
      space,
      docId: new Uint8Array(16).fill(2),
      awareness,
      membershipView: () => ({ viewSeq: 0, viewHead: new Uint8Array(8) }),
      canSend: () => true,
      send: (frame) => p.sent.push(decodeFrame(frame) as EphemeralFrame),
      deliver: (m) => p.delivered.push(m),
      report: (e) => p.reported.push(e),
    }),
  };
  channels.push(p.channel);
  return p;
}

/** The users a delivered y-websocket awareness message shows, by awareness client id. */
function usersIn(message: Uint8Array): Map<number, string> {
  const d = decoding.createDecoder(message);
  decoding.readVarUint(d);
  const into = new Awareness(new Y.Doc());
  applyAwarenessUpdate(into, decoding.readVarUint8Array(d), 'test');
  const out = new Map<number, string>();
  for (const [id, s] of into.getStates()) if (id !== into.clientID) out.set(id, (s.user as { id: string }).id);
  into.destroy();
  return out;
}

describe('AwarenessChannel', () => {
  const alice = generateIdentity();
  const bob = generateIdentity();
  const mallory = generateIdentity();
  const members = () => [alice, bob, mallory].map((i) => toHex(i.publicKey));

  it('R40/R44: a member’s signed state naming its signer reaches the provider', () => {
    const a = peer(alice, members);
    const b = peer(bob, members);
    a.channel.send(true);
    expect(a.sent).toHaveLength(1);
    b.channel.receive(a.sent[0]!);
    expect(b.reported).toEqual([]);
    expect(usersIn(b.delivered[0]!).get(a.awareness.clientID)).toBe(toHex(alice.publicKey));
  });

  it('R58: the same EPHEMERAL served again is REPLAY_DETECTED and not delivered', () => {
    const a = peer(alice, members);
    const b = peer(bob, members);
    a.channel.send(true);
    b.channel.receive(a.sent[0]!);
    b.channel.receive(a.sent[0]!);
    expect(b.delivered).toHaveLength(1);
    expect(b.reported.map((e) => e.code)).toEqual(['REPLAY_DETECTED']);
    expect(b.reported[0]!.details.author).toBe(toHex(alice.publicKey));
  });

  it('R44: a state claiming another identity is AWARENESS_FORGED and dropped', () => {
    const m = peer(mallory, members, toHex(alice.publicKey));
    const b = peer(bob, members);
    m.channel.send(true);
    b.channel.receive(m.sent[0]!);
    expect(b.reported.map((e) => e.code)).toEqual(['AWARENESS_FORGED']);
    expect(b.delivered).toEqual([]);
  });

  it('R40: a frame from someone who is not a member is ignored', () => {
    const outsider = peer(generateIdentity(), () => []);
    const b = peer(bob, members);
    outsider.channel.send(true);
    b.channel.receive(outsider.sent[0]!);
    expect(b.delivered).toEqual([]);
  });
});
