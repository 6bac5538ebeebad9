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
} as const;

export type MembershipAction = (typeof MembershipAction)[keyof typeof MembershipAction];

export function isMembershipAction(value: number): value is MembershipAction {
  return value >= MembershipAction.Genesis && value <= MembershipAction.Accept;
}
