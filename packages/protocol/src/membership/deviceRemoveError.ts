import { Role } from '../constants/Role.js';
import { TrameError } from '../errors/TrameError.js';
import type { MembershipFrame } from '../frames/types.js';
import { toHex } from '../util/hex.js';
import type { MembershipState } from './MembershipState.js';
import { personOf } from './personOf.js';
import { roleOfKey } from './roleOfKey.js';

/**
 * R95 (DEVICES-2, ADR 0008): a DEVICE_REMOVE's subject is a linked device of a member (never a
 * person key: a device cannot cut off the person key, whose holder is the phrase's); it is
 * signed by another current key of the same person, or by an animateur; role none, no bundle,
 * epoch the current one. Returns the error, or null when valid. Pure.
 */
export function deviceRemoveError(state: MembershipState, entry: MembershipFrame): TrameError | null {
  const invalid = (why: string): TrameError => new TrameError('INVALID_MEMBERSHIP', why);
  const subject = toHex(entry.subject);
  const signer = toHex(entry.signer);
  const person = state.devices.get(subject);
  const own = person !== undefined && personOf(state, signer) === person && signer !== subject;
  if (!own && roleOfKey(state, signer) !== Role.Admin) {
    return new TrameError('FORBIDDEN_ROLE', 'DEVICE_REMOVE is signed by another device of the person or an admin');
  }
  if (person === undefined) return invalid('DEVICE_REMOVE of a key that is no linked device');
  if (entry.role !== Role.None) return invalid('DEVICE_REMOVE carries role none');
  if (entry.sealedKeys.length !== 0) return invalid('DEVICE_REMOVE carries no key bundle');
  if (entry.epoch !== state.epoch) return invalid('DEVICE_REMOVE refers to the current epoch');
  return null;
}
