import { appendSignature, encodeMembershipBody, FrameKind, signingInput, type MembershipFields } from '@trame/protocol';
import type { Identity } from '../identity/Identity.js';
import { sign } from '../signing/sign.js';

/** Builds and signs one membership log entry; `fields.signer` must be `identity.publicKey`. */
export function signMembershipEntry(fields: MembershipFields, identity: Identity): Uint8Array {
  const body = encodeMembershipBody(fields);
  return appendSignature(body, sign(identity.secretKey, signingInput(FrameKind.Membership, body)));
}
