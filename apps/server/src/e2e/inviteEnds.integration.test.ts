import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeFrame, FrameKind, MembershipAction, Role } from '@trame/protocol';
import { decodeInviteToken, identityFromSeed, newDocId, SpaceSession, toHex, type DocumentSession } from '@trame/sync';
import { createSpace, e2eScope, openDoc, person, waitFor, WS, type Person } from './harness.js';
import {
  copyContains,
  hotCopy,
  keysFromLink,
  readableContent,
  storedWraps,
  wrapOfPendingInvite,
} from './linkAttacker.js';

const scope = e2eScope();
const closers = scope.closers;

const BEFORE = 'Ordre du jour de lassemblee';
const AFTER = 'Plan de la manifestation: rendez-vous 14h';

async function write(doc: DocumentSession, text: string): Promise<void> {
  doc.doc.getText('t').insert(doc.doc.getText('t').length, text);
  await doc.whenSaved();
}

/** Alice's space with one document holding BEFORE. */
async function spaceWithNotes(url: string, alice: Person): Promise<{ owner: SpaceSession; notes: DocumentSession }> {
  const owner = await createSpace(url, alice);
  closers.push(() => owner.close());
  const notes = openDoc(owner, alice, newDocId());
  closers.push(() => notes.destroy());
  await notes.whenSynced();
  await write(notes, BEFORE);
  return { owner, notes };
}

const linkKey = (token: string): Uint8Array => identityFromSeed(decodeInviteToken(token).seed).publicKey;

/**
 * The attacker's try, with the link and the copy: which space keys open, and whether AFTER
 * is readable with them. The copy also holds AFTER under the member's key (the control).
 */
function attack(dir: string, token: string, wrap: Uint8Array, owner: SpaceSession): void {
  expect(copyContains(dir, wrap)).toBe(false);
  expect(storedWraps(dir)).toEqual([]);
  const keys = keysFromLink(dir, token);
  expect(keys.size).toBe(0);
  expect(readableContent(dir, keys).some((t) => t.includes(AFTER))).toBe(false);
  // Control: the content is in the copy, and a key of the space reads it.
  expect(readableContent(dir, owner.state.keyBundle()).some((t) => t.includes(AFTER))).toBe(true);
}

describe('MEMBERSHIP-3: an old invite link with the relay storage opens nothing written after the invite ended (R75-R78)', () => {
  it('MEMBERSHIP-3: an accepted link plus a copy of the relay storage taken after the ACCEPT opens nothing written afterwards', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const { owner, notes } = await spaceWithNotes(relay.url, alice);
    const token = await owner.createInvite({ role: Role.Editor });
    const wrap = wrapOfPendingInvite(relay, token);
    // While the invite is pending, the link and a copy of the storage do open the space key:
    // that is the window ADR 0006 accepts (the invite is meant to be opened then).
    const pending = hotCopy(relay);
    expect(copyContains(pending, wrap)).toBe(true);
    expect(readableContent(pending, keysFromLink(pending, token)).some((t) => t.includes(BEFORE))).toBe(true);

    const spaceB = await SpaceSession.acceptInvite({
      relayUrl: relay.url,
      identity: bob.identity,
      invite: token,
      WebSocketImpl: WS,
    });
    closers.push(() => spaceB.close());
    await write(notes, AFTER);
    attack(hotCopy(relay), token, wrap, owner);
    // The link itself is spent: the relay no longer lets its identity in.
    await expect(
      SpaceSession.previewInvite({ relayUrl: relay.url, invite: token, WebSocketImpl: WS }),
    ).rejects.toMatchObject({
      code: 'NOT_A_MEMBER',
    });
  });

  it('MEMBERSHIP-3: a revoked link plus a copy of the relay storage taken after the revocation opens nothing written afterwards', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const { owner, notes } = await spaceWithNotes(relay.url, alice);
    const token = await owner.createInvite({ role: Role.Viewer });
    const wrap = wrapOfPendingInvite(relay, token);
    const pending = hotCopy(relay);
    expect(owner.pendingInvites().map((i) => i.id)).toEqual([toHex(linkKey(token))]);
    await owner.revokeInvite(linkKey(token));
    expect(owner.pendingInvites()).toEqual([]);
    await write(notes, AFTER);
    const after = hotCopy(relay);
    attack(after, token, wrap, owner);
    // Revoking renewed the keys (R70): even a copy taken while the invite was pending, whose key
    // the link opens, reads nothing written after the revocation.
    const early = keysFromLink(pending, token);
    expect(early.size).toBe(1);
    expect(readableContent(after, early).some((t) => t.includes(AFTER))).toBe(false);
    await expect(
      SpaceSession.acceptInvite({
        relayUrl: relay.url,
        identity: person('Mallory').identity,
        invite: token,
        WebSocketImpl: WS,
      }),
    ).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });
  });

  it('MEMBERSHIP-3: an expired link plus a copy of the relay storage taken after the expiry opens nothing written afterwards', async () => {
    let ahead = 0;
    const relay = await scope.start({ now: () => Date.now() + ahead });
    const alice = person('Alice');
    const { owner, notes } = await spaceWithNotes(relay.url, alice);
    const token = await owner.createInvite({ role: Role.Editor, expiresAt: new Date(Date.now() + 60_000) });
    const wrap = wrapOfPendingInvite(relay, token);
    const pending = hotCopy(relay);
    ahead = 120_000; // the relay's clock is past the expiry; its sweep runs with every heartbeat
    await relay.relay.relay.sweepInviteWraps();
    // The animateur's client retires the expired invite with a key rotation (R70).
    expect(await owner.retireExpiredInvites(Math.floor((Date.now() + ahead) / 1000))).toBe(1);
    await write(notes, AFTER);
    const after = hotCopy(relay);
    attack(after, token, wrap, owner);
    expect(readableContent(after, keysFromLink(pending, token)).some((t) => t.includes(AFTER))).toBe(false);
    await expect(
      SpaceSession.previewInvite({ relayUrl: relay.url, invite: token, WebSocketImpl: WS }),
    ).rejects.toMatchObject({
      code: 'NOT_A_MEMBER',
    });
  });

  it('MEMBERSHIP-3: an invite pending across a key rotation joins with the new key; afterwards its link opens neither bundle', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const { owner, notes } = await spaceWithNotes(relay.url, alice);
    await owner.addMember(person('Claire').identity.publicKey, Role.Editor);
    const token = await owner.createInvite({ role: Role.Editor });
    // Claire leaves while the invite is pending: the ROTATE hands the new key to the invite too,
    // wrapped under a secret of its own (R76).
    await owner.removeMember(owner.members().find((m) => m.role === Role.Editor)!.publicKey);
    expect(owner.state.epoch).toBe(1);
    await write(notes, ' (nouvelle cle)');
    const spaceB = await SpaceSession.acceptInvite({
      relayUrl: relay.url,
      identity: bob.identity,
      invite: token,
      WebSocketImpl: WS,
    });
    closers.push(() => spaceB.close());
    expect(spaceB.state.hasKey(1)).toBe(true);
    const b = openDoc(spaceB, bob, notes.docId);
    closers.push(() => b.destroy());
    await waitFor(
      () => b.doc.getText('t').toString().includes('(nouvelle cle)'),
      'Bob reads what was written under the new key',
    );
    await write(notes, AFTER);
    const after = hotCopy(relay);
    expect(storedWraps(after)).toEqual([]);
    expect(keysFromLink(after, token).size).toBe(0);
    expect(readableContent(after, owner.state.keyBundle()).some((t) => t.includes(AFTER))).toBe(true);
  });

  it('MEMBERSHIP-3: a key rotation landing while a newcomer accepts: the ACCEPT is rebuilt on a new session and gets the new key', async () => {
    const relay = await scope.start();
    const alice = person('Alice');
    const bob = person('Bob');
    const { owner, notes } = await spaceWithNotes(relay.url, alice);
    const token = await owner.createInvite({ role: Role.Editor });
    let held = 0;
    // Bob's first ACCEPT is held back until Alice has renewed the keys: it then arrives on an old head.
    class Racing extends WebSocket {
      override send(data: Parameters<WebSocket['send']>[0]): void {
        const bytes = data instanceof Uint8Array ? data : null;
        const f = bytes ? decodeFrame(bytes) : null;
        if (f?.kind === FrameKind.Membership && f.action === MembershipAction.Accept && held++ === 0) {
          void owner.rotateKeys().then(() => super.send(data));
          return;
        }
        super.send(data);
      }
    }
    const spaceB = await SpaceSession.acceptInvite({
      relayUrl: relay.url,
      identity: bob.identity,
      invite: token,
      WebSocketImpl: Racing as unknown as typeof WS,
    });
    closers.push(() => spaceB.close());
    expect(held).toBe(2);
    expect(owner.state.epoch).toBe(1);
    expect(spaceB.state.hasKey(1)).toBe(true);
    await write(notes, AFTER);
    const b = openDoc(spaceB, bob, notes.docId);
    closers.push(() => b.destroy());
    await waitFor(() => b.doc.getText('t').toString().includes(AFTER), 'Bob reads what Alice wrote under the new key');
  });

  it('MEMBERSHIP-3: a dump of the relay storage holds no wrap secret once its invite ended (accepted, revoked, expired)', async () => {
    let ahead = 0;
    const relay = await scope.start({ now: () => Date.now() + ahead });
    const alice = person('Alice');
    const { owner } = await spaceWithNotes(relay.url, alice);
    const accepted = await owner.createInvite({ role: Role.Editor });
    const revoked = await owner.createInvite({ role: Role.Viewer });
    const expiring = await owner.createInvite({ role: Role.Admin, expiresAt: new Date(Date.now() + 60_000) });
    const kept = await owner.createInvite({ role: Role.Viewer });
    const wraps = [accepted, revoked, expiring, kept].map((t) => wrapOfPendingInvite(relay, t));
    const before = hotCopy(relay);
    for (const w of wraps) expect(copyContains(before, w)).toBe(true);

    const spaceB = await SpaceSession.acceptInvite({
      relayUrl: relay.url,
      identity: person('Bob').identity,
      invite: accepted,
      WebSocketImpl: WS,
    });
    closers.push(() => spaceB.close());
    await owner.revokeInvite(linkKey(revoked));
    ahead = 120_000;
    await relay.relay.relay.sweepInviteWraps();

    const after = hotCopy(relay);
    expect(wraps.slice(0, 3).map((w) => copyContains(after, w))).toEqual([false, false, false]);
    // The invite still pending keeps its secrets (its link must keep working): the one of its
    // INVITE, and the one of the revocation's ROTATE, which handed it the new key (R76).
    expect(copyContains(after, wraps[3]!)).toBe(true);
    const stillStored = storedWraps(after).map((w) => toHex(w));
    expect(stillStored).toHaveLength(2);
    expect(stillStored).toContain(toHex(wraps[3]!));
    // Nor do the relay's logs carry one.
    const log = readFileSync(relay.logFile, 'utf8');
    for (const w of wraps) {
      expect(log.includes(toHex(w))).toBe(false);
      expect(log.includes(Buffer.from(w).toString('base64'))).toBe(false);
    }
  });
});
