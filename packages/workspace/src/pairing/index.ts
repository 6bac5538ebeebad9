/**
 * `@trame/workspace/pairing`: linking a device (DEVICES-1), apart from the main entry so that
 * screens load it on demand (route budgets, WEBAPP-3).
 */
export { linkFromAccount } from './linkFromAccount.js';
export type { LinkFromAccountOptions, LinkedDevice, DeviceAdder, LinkSource } from './linkFromAccount.js';
export { linkNewDevice } from './linkNewDevice.js';
export type { LinkNewDeviceOptions, LinkedLocalProfile } from './linkNewDevice.js';
export type { LinkOptions } from './LinkOptions.js';
export type { DeviceOffer, LinkedProfile, LinkDone } from './LinkMessages.js';
export { readDeviceOffer } from './readDeviceOffer.js';
export { readLinkedProfile } from './readLinkedProfile.js';
export { deviceNameFrom } from './deviceNameFrom.js';
export { PairingError, PAIRING_CLIENT_CODES } from '@trame/sync/pairing';
export type { PairingErrorCode } from '@trame/sync/pairing';
export { formatPairingCode, parsePairingCode } from '@trame/protocol';
