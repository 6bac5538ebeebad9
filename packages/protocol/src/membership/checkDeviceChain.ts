import { MAX_DEVICE_CHAIN_LINKS } from '../constants/MembershipAction.js';
import { isStrictPublicKey } from '../ed25519/isStrictPublicKey.js';
import { isStrictSignature } from '../ed25519/isStrictSignature.js';
import { TrameError } from '../errors/TrameError.js';
import type { DeviceCertLink } from '../frames/types.js';
import { toHex } from '../util/hex.js';
import { deviceCertInput } from './deviceCertInput.js';

/** Ed25519 verification (the relay: node:crypto; clients: libsodium), after R36's checks. */
export type VerifySignature = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;

/**
 * R120 (ADR 0010): checks that `chain` certifies its last device as a device of `person`: 1 to
 * 3 links; the first signed by the person key, each next one by the previous link's device;
 * every device a strict Ed25519 key (R36), none the person key, none twice; every signature
 * strict and valid. Returns the certified device key, or the error: `INVALID_MEMBERSHIP` for
 * the shape, `BAD_SIGNATURE` for a signature. Pure but for `verify`.
 */
export function checkDeviceChain(
  person: Uint8Array,
  chain: readonly DeviceCertLink[],
  verify: VerifySignature | undefined,
): Uint8Array | TrameError {
  const invalid = (why: string) => new TrameError('INVALID_MEMBERSHIP', `device chain: ${why}`);
  if (chain.length === 0 || chain.length > MAX_DEVICE_CHAIN_LINKS) {
    return invalid(`1 to ${MAX_DEVICE_CHAIN_LINKS} links`);
  }
  // Without a verifier nothing can be trusted (a fold built without one refuses chains).
  if (!verify) return new TrameError('BAD_SIGNATURE', 'device chain: no verifier');
  const seen = new Set([toHex(person)]);
  let issuer = person;
  for (const link of chain) {
    if (!isStrictPublicKey(link.device)) return invalid('a device is not a strict Ed25519 key (R36)');
    const id = toHex(link.device);
    if (seen.has(id)) return invalid('a key appears twice');
    seen.add(id);
    const input = deviceCertInput(person, issuer, link.device, link.issuedAt);
    if (!isStrictSignature(link.signature) || !verify(issuer, input, link.signature)) {
      return new TrameError('BAD_SIGNATURE', 'device chain: a link does not verify under its issuer');
    }
    issuer = link.device;
  }
  return issuer;
}
