import { deviceCertInput, type DeviceCertLink } from '@trame/protocol';
import type { Identity } from '../identity/Identity.js';
import { sign } from '../signing/sign.js';

/**
 * R120 (ADR 0010): `issuer` (the person key, or a device the person's chain already certifies)
 * certifies `device` as a device of `person`: one link of a device chain.
 */
export function certifyDevice(
  issuer: Identity,
  person: Uint8Array,
  device: Uint8Array,
  issuedAt = Math.floor(Date.now() / 1000),
): DeviceCertLink {
  const signature = sign(issuer.secretKey, deviceCertInput(person, issuer.publicKey, device, issuedAt));
  return { device: device.slice(), issuedAt, signature };
}
