/** Actions of a membership log entry (docs/PROTOCOL.md §4). */
export const MembershipAction = {
  Genesis: 1,
  Add: 2,
  SetRole: 3,
  Remove: 4,
  /** Reserved for key rotation on removal: a new epoch key sealed to every remaining member. */
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
