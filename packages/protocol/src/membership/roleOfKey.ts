import { Role } from '../constants/Role.js';
import { personOf, type DeviceLayer } from './personOf.js';

/**
 * R97: the role a key (hex) holds in this state: its person's role, `Role.None` when it is no
 * current device of a member. Every "is this key a member with that role" check goes through
 * it: R31's signer, R23's author at the relay, R40's author in clients. Pure.
 */
export function roleOfKey(state: DeviceLayer, key: string): Role {
  const person = personOf(state, key);
  return person === null ? Role.None : (state.members.get(person) ?? Role.None);
}
