import type { Role } from '@trame/protocol';

/**
 * R39: what an invite link grants and who made it, as the space's verified log says (the
 * INVITE entry the link pins, and its signer), unlike the link's own preview (InvitePreview),
 * which only repeats what the inviter's app wrote after `#`.
 */
export interface VerifiedInvite {
  /** Hex space id. */
  spaceId: string;
  role: Role;
  /** Unix seconds; 0 = never. */
  expiresAt: number;
  /** Hex public key of the animateur who signed the INVITE entry. */
  inviterId: string;
  /** Short fingerprint of that key (`7K3Q-M2XD-9PRT`), to check with the inviter. */
  inviterFingerprint: string;
}
