/** Actions of a membership log entry (docs/PROTOCOL.md §4). */
export const MembershipAction = {
  Genesis: 1,
  Add: 2,
  SetRole: 3,
  Remove: 4,
  /** Reserved for key rotation on removal: a new epoch key sealed to every remaining member. */
  Rotate: 5,
} as const;

export type MembershipAction = (typeof MembershipAction)[keyof typeof MembershipAction];

export function isMembershipAction(value: number): value is MembershipAction {
  return value >= MembershipAction.Genesis && value <= MembershipAction.Rotate;
}
