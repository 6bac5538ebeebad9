import { concatBytes, DOMAIN } from '@trame/protocol';

/** What an INVITE's wrapped bundle is bound to (R76): the space and the invite identity. */
export interface InviteWrapContext {
  spaceId: Uint8Array;
  /** The invite identity's Ed25519 public key (the INVITE entry's subject). */
  invite: Uint8Array;
}

/** R76: associated data of the outer layer: domain ‖ space id ‖ invite identity. */
export function inviteWrapAd(ctx: InviteWrapContext): Uint8Array {
  return concatBytes(DOMAIN.inviteWrap, ctx.spaceId, ctx.invite);
}
