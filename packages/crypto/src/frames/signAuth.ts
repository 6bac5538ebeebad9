import { authSigningInput } from '@trame/protocol';
import type { Identity } from '../identity/Identity.js';
import { sign } from '../signing/sign.js';

/** The AUTH signature answering a relay CHALLENGE for a given HELLO, bound to the relay's host (R10, R16). */
export function signAuth(
  identity: Identity,
  challengeNonce: Uint8Array,
  helloRaw: Uint8Array,
  relayHost: string,
): Uint8Array {
  return sign(identity.secretKey, authSigningInput(challengeNonce, helloRaw, relayHost));
}
