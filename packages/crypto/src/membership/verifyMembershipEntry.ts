import { signingInput, type MembershipFrame } from '@trame/protocol';
import { verify } from '../signing/verify.js';

/** True when the entry is signed by its `signer` (R31). */
export function verifyMembershipEntry(entry: MembershipFrame): boolean {
  return verify(entry.signer, signingInput(entry.kind, entry.body), entry.signature);
}
