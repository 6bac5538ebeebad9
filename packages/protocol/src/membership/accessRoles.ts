import type { Role } from '../constants/Role.js';
import type { DeviceLayer } from './personOf.js';

/**
 * R98: every key that may authenticate as a member, with its role: each person key and each of
 * its linked devices, all with the person's role. The relay stores exactly these as its
 * `members` rows, so AUTH (R12), R23's write check and R33's closing work on device keys
 * without knowing about persons. Pure.
 */
export function accessRoles(state: DeviceLayer): Map<string, Role> {
  const out = new Map(state.members);
  for (const [device, person] of state.devices) {
    const role = state.members.get(person);
    if (role !== undefined) out.set(device, role);
  }
  return out;
}
