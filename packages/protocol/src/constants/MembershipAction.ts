/** Actions of a membership log entry (docs/PROTOCOL.md §4). */
export const MembershipAction = {
  Genesis: 1,
  Add: 2,
  SetRole: 3,
  Remove: 4,
  /**
   * R70: a new epoch with a fresh key sealed to every remaining member and pending invite;
   * removes its subject unless the subject is the signer (a renewal by hand).
   */
  Rotate: 5,
  /** An admin creates an invite: a throw-away identity allowed to sign exactly one ACCEPT. */
  Invite: 6,
  /** Signed by an invite identity: adds its subject with the invite's role, consumes the invite. */
  Accept: 7,
  /**
   * R94 (protocol 4, ADR 0008): a person adds one of their devices (subject = the device key);
   * the device acts with the person's role and gets the space keys in one sealed bundle.
   */
  DeviceAdd: 8,
  /** R95 (protocol 4): a device is cut off; the same signer then appends a ROTATE (R96). */
  DeviceRemove: 9,
} as const;

export type MembershipAction = (typeof MembershipAction)[keyof typeof MembershipAction];

/** R93: the first protocol version whose frames may carry DEVICE_ADD or DEVICE_REMOVE. */
export const MEMBERSHIP_DEVICE_ACTIONS_SINCE = 4;

/** R121: the first protocol version whose MEMBERSHIP frames carry a device chain. */
export const MEMBERSHIP_DEVICE_CHAIN_SINCE = 5;

/** R121: most links in a device chain (person → device → device → device). */
export const MAX_DEVICE_CHAIN_LINKS = 3;

export function isMembershipAction(value: number): value is MembershipAction {
  return value >= MembershipAction.Genesis && value <= MembershipAction.DeviceRemove;
}

/** DEVICE_ADD or DEVICE_REMOVE (R93-R96). */
export function isDeviceAction(value: number): boolean {
  return value === MembershipAction.DeviceAdd || value === MembershipAction.DeviceRemove;
}
