import type { MembershipState } from './MembershipState.js';

/**
 * R99: every identity a new epoch's key is sealed to (R70): each member's person key (ADR 0008
 * point 5: the recovery phrase's holder reads without any device), each linked device, each
 * pending invite. A removed device is in none of these. Pure.
 */
export function keyHolders(state: Pick<MembershipState, 'members' | 'devices' | 'invites'>): Set<string> {
  return new Set([...state.members.keys(), ...state.devices.keys(), ...state.invites.keys()]);
}
