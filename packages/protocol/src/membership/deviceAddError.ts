import { Role } from '../constants/Role.js';
import { TrameError } from '../errors/TrameError.js';
import type { MembershipFrame } from '../frames/types.js';
import { bytesEqual } from '../util/bytesEqual.js';
import { toHex } from '../util/hex.js';
import type { MembershipState } from './MembershipState.js';
import { personOf } from './personOf.js';

/**
 * R94 (DEVICES-1, ADR 0008): a DEVICE_ADD is signed by a current key of a member (the person
 * key or one of its devices: a person links their own devices; an animateur cannot add a device
 * to someone else, which would let them write as that person); its subject is a fresh key (no
 * member, invite or device of the space); role none (the device takes its person's role);
 * epoch the current one; exactly one non-empty bundle, sealed to the device (R32a). Returns the
 * error, or null when the entry is valid; the person is the signer's. Pure.
 */
export function deviceAddError(state: MembershipState, entry: MembershipFrame): TrameError | null {
  const invalid = (why: string): TrameError => new TrameError('INVALID_MEMBERSHIP', why);
  if (state.seq === -1) return invalid('the first entry is a genesis');
  if (personOf(state, toHex(entry.signer)) === null) {
    return new TrameError('FORBIDDEN_ROLE', 'DEVICE_ADD is signed by the person or one of their devices');
  }
  const subject = toHex(entry.subject);
  if (state.members.has(subject) || state.invites.has(subject) || state.devices.has(subject)) {
    return invalid('DEVICE_ADD of a key already in the space');
  }
  if (entry.role !== Role.None) return invalid('DEVICE_ADD carries role none');
  if (entry.epoch !== state.epoch) return invalid('DEVICE_ADD refers to the current epoch');
  const [only] = entry.sealedKeys;
  if (entry.sealedKeys.length !== 1 || !bytesEqual(only!.recipient, entry.subject) || only!.sealed.length === 0) {
    return invalid('DEVICE_ADD seals the key bundle to the new device');
  }
  return null;
}
