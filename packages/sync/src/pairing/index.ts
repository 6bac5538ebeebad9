/**
 * `@trame/sync/pairing`: the pairing channel's client (DEVICES-1, PROTOCOL.md §11). Its own entry,
 * not the main one: the web app hands the main entry around as a namespace (`SyncApi`), which
 * would otherwise carry this code onto every route (WEBAPP-3).
 */
export { PairingSocket } from './PairingSocket.js';
export type { PairingSocketOptions } from './PairingSocket.js';
export { PairingError, PAIRING_CLIENT_CODES } from './PairingError.js';
export type { PairingErrorCode, PairingClientCode } from './PairingError.js';
export { SecureChannel } from './SecureChannel.js';
export { pairDevices } from './pairDevices.js';
export type { PairDevicesOptions } from './pairDevices.js';
