import type { MembershipState } from './MembershipState.js';

/** What {@link personOf} and {@link roleOfKey} read of a state. */
export type DeviceLayer = Pick<MembershipState, 'members' | 'devices'>;

/**
 * R97 (ADR 0008): the person (hex person key) a key acts for in this state: a member's person
 * key is its own person (a legacy or first device), a linked device is its person's. null for
 * anyone else (invite identities, removed devices, strangers). Pure.
 */
export function personOf(state: DeviceLayer, key: string): string | null {
  if (state.members.has(key)) return key;
  return state.devices.get(key) ?? null;
}
