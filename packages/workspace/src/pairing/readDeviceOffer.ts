import type { DeviceOffer } from './LinkMessages.js';
import { PairingError } from '@trame/sync/pairing';

const HEX64 = /^[0-9a-f]{64}$/;

/** R104: the new device's offer as it must be (a 32-byte key, a short name); PAIRING_UNEXPECTED otherwise. */
export function readDeviceOffer(value: unknown): DeviceOffer {
  const v = value as Partial<DeviceOffer> | null;
  if (
    !v ||
    v.t !== 'device' ||
    typeof v.key !== 'string' ||
    !HEX64.test(v.key) ||
    typeof v.name !== 'string' ||
    v.name.length > 80
  ) {
    throw new PairingError('PAIRING_UNEXPECTED', 'not a device offer');
  }
  return { t: 'device', key: v.key, name: v.name.trim() || 'Appareil' };
}
