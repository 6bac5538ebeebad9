import { certifyDevice, type Identity } from '@trame/crypto';
import { MAX_DEVICE_CHAIN_LINKS, fromHex, toHex, type DeviceCertLink } from '@trame/protocol';

/**
 * R120 (ADR 0010): the chain to give a device this one links, so that it can create spaces and
 * accept invites as the person (R122, R123). From the person key's device: one link it signs.
 * From a linked device: its own chain plus a link it signs, while the chain stays within 3 links.
 * null when this device cannot certify (a device linked before protocol 5, or a chain at its
 * bound): the new device then still works in the spaces it is added to, as before.
 */
export function chainForDevice(
  o: { identity: Identity; personId: string; myChain: readonly DeviceCertLink[] | null },
  device: Uint8Array,
  issuedAt = Math.floor(Date.now() / 1000),
): DeviceCertLink[] | null {
  const person = fromHex(o.personId);
  if (toHex(o.identity.publicKey) === o.personId) return [certifyDevice(o.identity, person, device, issuedAt)];
  if (!o.myChain || o.myChain.length === 0 || o.myChain.length >= MAX_DEVICE_CHAIN_LINKS) return null;
  return [...o.myChain, certifyDevice(o.identity, person, device, issuedAt)];
}
