import { fromHex, keyHolders, MembershipAction, Role, toHex, type SealedKey } from '@trame/protocol';
import { generateSpaceKey, keyCommitment, sealKeyBundle } from '@trame/crypto';
import type { SpaceState } from './SpaceState.js';

/** An entry's fields that depend on the head it is signed on; the rest is filled in at send time. */
export interface DraftFields {
  action: number;
  subject: Uint8Array;
  role: number;
  epoch: number;
  expiresAt?: number;
  keyCommit?: Uint8Array;
  sealedKeys: SealedKey[];
}

/**
 * Builds an entry's fields on the head as it is when the entry is sent (seq = head + 1), so that
 * an entry that lost a race is rebuilt, not re-signed (R70). null: nothing left to do.
 */
export type EntryDraft = (state: SpaceState, seq: number) => DraftFields | null;

/** ADD, INVITE: every key this identity holds, sealed to the subject for this entry (R71). */
export function grantDraft(action: number, subject: Uint8Array, role: Role, expiresAt = 0): EntryDraft {
  return (state, seq) => ({
    action,
    subject,
    role,
    epoch: state.epoch,
    expiresAt,
    sealedKeys: [
      {
        recipient: subject,
        sealed: sealKeyBundle(
          { spaceId: state.spaceId, seq, recipient: subject, epoch: state.epoch },
          state.keyBundle(),
        ),
      },
    ],
  });
}

/**
 * R70: a ROTATE on the current head: a fresh key for epoch + 1, committed to (R72) and sealed to
 * every member, linked device (R99) and pending invite left after removing `remove` (none: keys
 * renewed by hand).
 * Drawn again on every attempt. null when `remove` has no access any more (someone else
 * removed them first).
 */
export function rotateDraft(remove: Uint8Array | null): EntryDraft {
  return (state, seq) => {
    const m = state.membership;
    const gone = remove ? toHex(remove) : null;
    if (gone !== null && !m.members.has(gone) && !m.invites.has(gone)) return null;
    const epoch = state.epoch + 1;
    const key = generateSpaceKey();
    // R99: every person key, linked device and invite left (a removed person's devices go too).
    const keep = [...keyHolders(m)].filter((id) => id !== gone && m.devices.get(id) !== gone);
    return {
      action: MembershipAction.Rotate,
      subject: remove ?? state.identity.publicKey,
      role: Role.None,
      epoch,
      keyCommit: keyCommitment(key, state.spaceId, epoch),
      sealedKeys: keep.map((id) => {
        const recipient = fromHex(id);
        return {
          recipient,
          sealed: sealKeyBundle({ spaceId: state.spaceId, seq, recipient, epoch }, new Map([[epoch, key]])),
        };
      }),
    };
  };
}
