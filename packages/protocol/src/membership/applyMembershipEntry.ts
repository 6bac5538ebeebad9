import { MembershipAction } from '../constants/MembershipAction.js';
import { Role, roleCanWrite } from '../constants/Role.js';
import { TrameError } from '../errors/TrameError.js';
import type { MembershipFrame } from '../frames/types.js';
import { bytesEqual } from '../util/bytesEqual.js';
import { isZero } from '../util/isZero.js';
import { isStrictPublicKey } from '../ed25519/isStrictPublicKey.js';
import { toHex } from '../util/hex.js';
import type { MembershipState, PendingInvite } from './MembershipState.js';
import { rotationRecipientsError } from './rotationRecipients.js';
import { checkInviteExpiry } from './checkInviteExpiry.js';
import { accessRoles } from './accessRoles.js';
import { deviceAddError } from './deviceAddError.js';
import { deviceRemoveError } from './deviceRemoveError.js';
import { keyHolders } from './keyHolders.js';
import { roleOfKey } from './roleOfKey.js';
import { rotateSignerError } from './rotateSignerError.js';
import { checkDeviceChain, type VerifySignature } from './checkDeviceChain.js';
import { sealedForExactly } from './sealedForExactly.js';

/** Primitives the fold needs; injected so that this package stays free of crypto and I/O. */
export interface MembershipDeps {
  /** Ed25519 verification of `entry.signature` over `"trame/v1/membership\0" ‖ entry.body`. */
  verifyEntrySignature(entry: MembershipFrame): boolean;
  sha256(bytes: Uint8Array): Uint8Array;
  /**
   * R120: Ed25519 verification of a device chain's links (protocol 5). Without it an entry
   * carrying a chain is refused (`BAD_SIGNATURE`); the relay's re-fold of its own stored log,
   * verified when stored, passes `() => true`.
   */
  verifySignature?: VerifySignature;
  /** Current unix time in seconds, for invite expiry; clients that replay history omit it. */
  nowSeconds?: number;
}

function countAdmins(members: ReadonlyMap<string, Role>): number {
  let n = 0;
  for (const r of members.values()) if (r === Role.Admin) n++;
  return n;
}

function isGrantableRole(role: number): boolean {
  return role === Role.Admin || role === Role.Editor || role === Role.Viewer;
}

/**
 * R32 (MEMBERSHIP-2): an entry that hands keys to someone carries exactly one bundle, sealed to
 * that one recipient. Extra bundles were a way to push other members keys that overwrite theirs.
 */
function hasOnlySealedFor(entry: MembershipFrame, recipient: Uint8Array): boolean {
  const [only] = entry.sealedKeys;
  return entry.sealedKeys.length === 1 && bytesEqual(only!.recipient, recipient) && only!.sealed.length > 0;
}

/** Drops every linked device of `person` (the person left the space). */
function dropDevicesOf(devices: Map<string, string>, person: string): void {
  for (const [device, p] of [...devices]) if (p === person) devices.delete(device);
}

/**
 * Applies one membership entry to a space's state, enforcing R30-R36, R32a, R70/R72/R74
 * (ROTATE, key commitments, writers per epoch), R94-R99 (devices) and R120-R124 (device
 * chains on GENESIS and ACCEPT), and returns the new
 * state. Throws TrameError: MEMBERSHIP_CHAIN, BAD_SIGNATURE, FORBIDDEN_ROLE or
 * INVALID_MEMBERSHIP. Used by the relay (before storing) and by clients (before trusting).
 */
export function applyMembershipEntry(
  state: MembershipState,
  entry: MembershipFrame,
  deps: MembershipDeps,
): MembershipState {
  if (!bytesEqual(entry.spaceId, state.spaceId)) {
    throw new TrameError('WRONG_TARGET', 'membership entry for another space');
  }
  if (entry.seq !== state.seq + 1 || !bytesEqual(entry.prevHash, state.headHash)) {
    throw new TrameError('MEMBERSHIP_CHAIN', `expected seq ${state.seq + 1} after the current head`);
  }
  // R36: a small-order or non-canonical key verifies forged signatures somewhere; never trust one.
  if (!isStrictPublicKey(entry.signer) || !deps.verifyEntrySignature(entry)) {
    throw new TrameError('BAD_SIGNATURE', 'membership entry signature does not verify');
  }
  const signer = toHex(entry.signer);
  const subject = toHex(entry.subject);
  const members = new Map(state.members);
  const invites = new Map(state.invites);
  const devices = new Map(state.devices);
  let rotationOwed: Set<string> = new Set(state.rotationOwed);
  let epoch = state.epoch;
  const keyCommits = new Map(state.keyCommits);
  const epochWriters = new Map(state.epochWriters);
  const invalid = (why: string): never => {
    throw new TrameError('INVALID_MEMBERSHIP', why);
  };
  const fail = (error: TrameError | null): void => {
    if (error) throw error;
  };
  // R97: a signer acts with its person's role (a linked device of an animateur is an animateur).
  const requireAdminSigner = (): void => {
    if (roleOfKey(state, signer) !== Role.Admin) throw new TrameError('FORBIDDEN_ROLE', 'only admins sign this entry');
  };
  const inSpace = (key: string): boolean => members.has(key) || invites.has(key) || devices.has(key);
  if (entry.action !== MembershipAction.Invite && entry.expiresAt !== 0) invalid('expiresAt is for invites only');
  if (!isStrictPublicKey(entry.subject)) invalid('subject is not a strict Ed25519 public key (R36)');
  // R72: the entries that open an epoch commit to its key; no other entry carries a commitment.
  const opensEpoch = entry.action === MembershipAction.Genesis || entry.action === MembershipAction.Rotate;
  if (opensEpoch === isZero(entry.keyCommit)) {
    invalid(
      opensEpoch ? 'GENESIS and ROTATE carry a key commitment' : 'only GENESIS and ROTATE carry a key commitment',
    );
  }

  // R121-R124: a device chain only on GENESIS and ACCEPT, rooted at their subject (the person).
  let certified: Uint8Array | null = null;
  const chain = entry.deviceChain ?? [];
  if (chain.length > 0) {
    if (entry.action !== MembershipAction.Genesis && entry.action !== MembershipAction.Accept) {
      invalid('only GENESIS and ACCEPT carry a device chain');
    }
    const checked = checkDeviceChain(entry.subject, chain, deps.verifySignature);
    if (checked instanceof TrameError) throw checked;
    certified = checked;
  }

  switch (entry.action) {
    case MembershipAction.Genesis:
      // R30
      if (state.seq !== -1) invalid('genesis must be the first entry');
      if (!isZero(entry.prevHash)) invalid('genesis has a zero prevHash');
      if (entry.role !== Role.Admin || entry.epoch !== 0) invalid('genesis: admin, epoch 0');
      if (certified) {
        // R122: made on a linked device: the person is the creator, the signing device hers.
        if (toHex(certified) !== signer) invalid('genesis: the device chain certifies its signer');
        if (!sealedForExactly(entry, [entry.subject, certified])) {
          invalid('genesis on a device seals the key to the person and the device');
        }
        devices.set(signer, subject);
      } else {
        if (signer !== subject) invalid('genesis: signer is the subject');
        if (!hasOnlySealedFor(entry, entry.subject)) invalid('genesis seals the key to its creator');
      }
      members.set(subject, Role.Admin);
      keyCommits.set(0, entry.keyCommit.slice());
      break;
    case MembershipAction.Add:
      if (state.seq === -1) invalid('the first entry is a genesis');
      requireAdminSigner();
      if (inSpace(subject)) invalid('already a member');
      if (!isGrantableRole(entry.role)) invalid('ADD needs admin, editor or viewer');
      if (entry.epoch !== state.epoch) invalid('ADD refers to the current epoch');
      if (!hasOnlySealedFor(entry, entry.subject)) invalid('ADD seals the key bundle to the new member');
      members.set(subject, entry.role as Role);
      break;
    case MembershipAction.SetRole:
      requireAdminSigner();
      if (entry.sealedKeys.length !== 0) invalid('SET_ROLE carries no key bundle');
      if (!members.has(subject)) invalid('not a member');
      if (!isGrantableRole(entry.role)) invalid('SET_ROLE needs admin, editor or viewer');
      members.set(subject, entry.role as Role);
      if (countAdmins(members) === 0) invalid('a space keeps at least one admin');
      break;
    case MembershipAction.Remove:
      requireAdminSigner();
      if (entry.role !== Role.None) invalid('REMOVE carries role none');
      if (entry.sealedKeys.length !== 0) invalid('REMOVE without rotation carries no key bundle');
      if (invites.has(subject)) {
        invites.delete(subject);
        break;
      }
      if (!members.has(subject)) invalid('not a member');
      members.delete(subject);
      dropDevicesOf(devices, subject);
      if (countAdmins(members) === 0) invalid('a space keeps at least one admin');
      break;
    case MembershipAction.Invite: {
      // R35
      requireAdminSigner();
      if (inSpace(subject)) invalid('invite identity already used');
      if (!isGrantableRole(entry.role)) invalid('INVITE needs admin, editor or viewer');
      if (entry.epoch !== state.epoch) invalid('INVITE refers to the current epoch');
      if (!hasOnlySealedFor(entry, entry.subject)) invalid('INVITE seals the key bundle to the invite');
      const expiry = checkInviteExpiry(entry.role, entry.expiresAt, deps.nowSeconds);
      if (expiry) invalid(expiry);
      invites.set(subject, { role: entry.role as Role, expiresAt: entry.expiresAt } satisfies PendingInvite);
      break;
    }
    case MembershipAction.Accept: {
      const invite = invites.get(signer);
      if (!invite) invalid('no pending invite for this signer');
      if (invite!.expiresAt !== 0 && deps.nowSeconds !== undefined && deps.nowSeconds > invite!.expiresAt) {
        invalid('invite expired');
      }
      if (inSpace(subject)) invalid('already a member');
      if (entry.role !== invite!.role) invalid('ACCEPT grants exactly the invite role');
      if (entry.epoch !== state.epoch) invalid('ACCEPT refers to the current epoch');
      if (certified) {
        // R123: accepted on a linked device: the person joins, the certified device with her.
        if (inSpace(toHex(certified))) invalid('ACCEPT: the certified device is already in the space');
        if (!sealedForExactly(entry, [entry.subject, certified])) {
          invalid('ACCEPT on a device seals the key bundle to the person and the device');
        }
        devices.set(toHex(certified), subject);
      } else if (!hasOnlySealedFor(entry, entry.subject)) invalid('ACCEPT seals the key bundle to the newcomer');
      invites.delete(signer);
      members.set(subject, invite!.role);
      break;
    }
    case MembershipAction.Rotate: {
      // R70: a new epoch, its key sealed to everyone who keeps access; the subject is removed
      // unless it is the signer (keys renewed by hand). R96: an animateur signs, or a person
      // renewing the keys after one of their devices was removed.
      fail(rotateSignerError(state, entry));
      if (entry.role !== Role.None) invalid('ROTATE carries role none');
      if (entry.epoch !== state.epoch + 1) invalid(`ROTATE opens epoch ${state.epoch + 1}`);
      if (subject !== signer) {
        if (invites.has(subject)) invites.delete(subject);
        else if (members.has(subject)) {
          members.delete(subject);
          dropDevicesOf(devices, subject);
        } else invalid('not a member');
        if (countAdmins(members) === 0) invalid('a space keeps at least one admin');
      }
      // R99: sealed to every person key, linked device and pending invite left.
      const why = rotationRecipientsError(entry.sealedKeys, keyHolders({ members, devices, invites }));
      if (why) invalid(why);
      epoch = entry.epoch;
      keyCommits.set(epoch, entry.keyCommit.slice());
      rotationOwed = new Set();
      // R74: the new epoch's writers are those who write now (person keys and their devices).
      epochWriters.set(
        epoch,
        new Set([...accessRoles({ members, devices })].filter(([, r]) => roleCanWrite(r)).map(([id]) => id)),
      );
      break;
    }
    case MembershipAction.DeviceAdd:
      // R94
      fail(deviceAddError(state, entry));
      devices.set(subject, state.members.has(signer) ? signer : state.devices.get(signer)!);
      break;
    case MembershipAction.DeviceRemove: {
      // R95: the device is cut off; R96 lets its person's keys renew the space key next.
      fail(deviceRemoveError(state, entry));
      const person = devices.get(subject)!;
      devices.delete(subject);
      rotationOwed.add(person);
      break;
    }
    default:
      invalid('action not supported by this protocol version');
  }
  const role = roleOfKey({ members, devices }, subject);
  if (roleCanWrite(role)) {
    // R74: a write role granted during an epoch makes its holder (R97: and its devices) a
    // writer of that epoch.
    const writers = new Set(epochWriters.get(epoch) ?? []);
    writers.add(subject);
    if (entry.action === MembershipAction.SetRole) {
      for (const [device, person] of devices) if (person === subject) writers.add(device);
    }
    if (certified) writers.add(toHex(certified));
    epochWriters.set(epoch, writers);
  }
  return {
    spaceId: state.spaceId,
    seq: entry.seq,
    headHash: deps.sha256(entry.raw),
    epoch,
    members,
    invites,
    devices,
    rotationOwed,
    keyCommits,
    epochWriters,
  };
}
