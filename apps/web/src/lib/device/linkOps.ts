/**
 * DEVICES-1's code (pairing, key agreement, the link itself) and the QR code's drawing,
 * imported on demand: only a person who links a device downloads them (WEBAPP-3).
 */
export {
  deviceNameFrom,
  formatPairingCode,
  linkFromAccount,
  linkNewDevice,
  parsePairingCode,
  PairingError,
  type DeviceAdder,
  type LinkSource,
  type LinkedLocalProfile,
  type PairingErrorCode,
} from '@trame/workspace/pairing';
export { encodeQR } from 'qr';
