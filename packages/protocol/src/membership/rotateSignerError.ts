import { Role } from '../constants/Role.js';
import { TrameError } from '../errors/TrameError.js';
import type { MembershipFrame } from '../frames/types.js';
import { toHex } from '../util/hex.js';
import type { MembershipState } from './MembershipState.js';
import { personOf } from './personOf.js';
import { roleOfKey } from './roleOfKey.js';

/**
 * R96 (extends R70's signer rule): a ROTATE is signed by an animateur, or, renewing the keys
 * without removing anyone (subject = signer), by any current key of a person one of whose
 * devices was removed since the last ROTATE: so an editor who cut off their seized phone
 * renews the keys the phone held. Returns FORBIDDEN_ROLE, or null. Pure.
 */
export function rotateSignerError(state: MembershipState, entry: MembershipFrame): TrameError | null {
  const signer = toHex(entry.signer);
  if (roleOfKey(state, signer) === Role.Admin) return null;
  const person = personOf(state, signer);
  if (person !== null && state.rotationOwed.has(person) && toHex(entry.subject) === signer) return null;
  return new TrameError(
    'FORBIDDEN_ROLE',
    'only admins sign this entry (or a person renewing keys after a device removal)',
  );
}
