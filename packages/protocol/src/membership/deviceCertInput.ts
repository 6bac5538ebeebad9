import { DOMAIN } from '../constants/domains.js';
import { concatBytes } from '../util/concatBytes.js';

/**
 * R120 (ADR 0010): the bytes a device chain link's issuer signs: `"trame/v5/device-cert\0" ‖
 * person ‖ issuer ‖ device ‖ u32 issuedAt`. The person is in every link, so a link made in one
 * person's chain never counts in another's. Pure.
 */
export function deviceCertInput(
  person: Uint8Array,
  issuer: Uint8Array,
  device: Uint8Array,
  issuedAt: number,
): Uint8Array {
  const at = new Uint8Array(4);
  new DataView(at.buffer).setUint32(0, issuedAt >>> 0);
  return concatBytes(DOMAIN.deviceCert, person, issuer, device, at);
}
