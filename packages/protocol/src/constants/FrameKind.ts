/**
 * Second byte of every frame. Values are stable: never reuse a retired one.
 * See docs/PROTOCOL.md §2.
 */
export const FrameKind = {
  Hello: 0x01,
  Challenge: 0x02,
  Auth: 0x03,
  Ready: 0x04,
  Membership: 0x10,
  Update: 0x11,
  Snapshot: 0x12,
  Ephemeral: 0x13,
  /** MEMBERSHIP-3 (R75): an invite's wrap secret, admin → relay and relay → invite identity. */
  InviteWrap: 0x14,
  Ack: 0x20,
  Error: 0x21,
  Durable: 0x22,
} as const;

export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];

/** Human-readable name of a frame kind, for logs (never content). */
export function frameKindName(kind: number): string {
  for (const [name, value] of Object.entries(FrameKind)) if (value === kind) return name;
  return `0x${kind.toString(16)}`;
}
