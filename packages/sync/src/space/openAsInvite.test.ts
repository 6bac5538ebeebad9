import { beforeAll, describe, expect, it } from 'vitest';
import { MembershipAction, Role, ZERO_HASH } from '@trame/protocol';
import {
  generateIdentity,
  generateSpaceKey,
  identityFromSeed,
  keyCommitment,
  randomBytes,
  ready,
  sealKeyBundle,
  sha256,
  signMembershipEntry,
  type Identity,
} from '@trame/crypto';
import { grantDraft } from './entryDrafts.js';
import { encodeInviteToken } from './inviteToken.js';
import type { InviteSessionPort, JoinSession } from './InviteSessionPort.js';
import { openAsInvite } from './openAsInvite.js';
import { SpaceState } from './SpaceState.js';
import { wrapInviteBundles } from './wrapInviteBundles.js';

beforeAll(async () => {
  await ready();
});

/** A space log: genesis by `admin`, then an INVITE of the identity of `seed` at seq 1. */
function logWithInvite(admin: Identity, spaceId: Uint8Array, seed: Uint8Array): Uint8Array[] {
  const key = generateSpaceKey();
  const genesis = signMembershipEntry(
    {
      spaceId,
      seq: 0,
      prevHash: ZERO_HASH,
      signer: admin.publicKey,
      action: MembershipAction.Genesis,
      subject: admin.publicKey,
      role: Role.Admin,
      epoch: 0,
      keyCommit: keyCommitment(key, spaceId, 0),
      sealedKeys: [
        {
          recipient: admin.publicKey,
          sealed: sealKeyBundle({ spaceId, seq: 0, recipient: admin.publicKey, epoch: 0 }, new Map([[0, key]])),
        },
      ],
    },
    admin,
  );
  const state = new SpaceState(spaceId, admin);
  state.apply(genesis);
  const drafted = grantDraft(MembershipAction.Invite, identityFromSeed(seed).publicKey, Role.Editor)(state, 1)!;
  const { fields } = wrapInviteBundles(drafted, state, 1);
  const invite = signMembershipEntry(
    { ...fields, spaceId, seq: 1, prevHash: state.headHash, signer: admin.publicKey },
    admin,
  );
  return [genesis, invite];
}

/** Sessions that hold `log`, as a relay serving it would give them. */
function port(log: Uint8Array[]): InviteSessionPort<JoinSession> & { closed: number } {
  const p = {
    closed: 0,
    connect: (o: { identity: Identity; spaceId: Uint8Array }) => {
      const state = new SpaceState(o.spaceId, o.identity);
      for (const raw of log) state.apply(raw);
      return { state, identity: o.identity, whenReady: async () => {}, close: () => void p.closed++ };
    },
    append: async () => new Uint8Array(0),
    open: async () => {
      throw new Error('not used');
    },
  };
  return p;
}

describe('openAsInvite', () => {
  const admin = generateIdentity();
  const spaceId = randomBytes(16);
  const seed = randomBytes(32);
  const log = logWithInvite(admin, spaceId, seed);
  const options = (inviteHash: Uint8Array, inviteSeq = 1) => ({
    relayUrl: 'ws://127.0.0.1:1',
    identity: generateIdentity(),
    invite: encodeInviteToken({ spaceId, seed, inviteSeq, inviteHash }),
  });

  it('R35/R39: the INVITE entry the link pins is served: its pending invite and entry are returned', async () => {
    const p = port(log);
    const r = await openAsInvite(options(sha256(log[1]!)), p);
    expect(r.invite.role).toBe(Role.Editor);
    expect(r.entry.seq).toBe(1);
    expect(p.closed).toBe(0);
  });

  it('R39: another entry at the pinned position than the link’s, or none, is INVITE_MISMATCH, and the session is closed', async () => {
    const p = port(log);
    await expect(openAsInvite(options(sha256(new Uint8Array([1]))), p)).rejects.toMatchObject({
      code: 'INVITE_MISMATCH',
    });
    await expect(openAsInvite(options(sha256(log[1]!), 0), p)).rejects.toMatchObject({ code: 'INVITE_MISMATCH' });
    // A log that stops before the pinned position.
    await expect(openAsInvite(options(sha256(log[1]!), 5), p)).rejects.toMatchObject({ code: 'INVITE_MISMATCH' });
    expect(p.closed).toBe(3);
  });
});
