import type { Role } from '@trame/protocol';

/** R39: what an invite link promises, shown before the newcomer accepts it. */
export interface InvitePreview {
  spaceId: Uint8Array;
  role: Role;
  /** Unix seconds; 0 = never. */
  expiresAt: number;
  /** The animateur who signed the INVITE entry. */
  inviter: Uint8Array;
  /** {@link keyFingerprint} of the inviter's key. */
  inviterFingerprint: string;
}
