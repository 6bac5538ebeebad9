/** Where loadDeviceKey and the device lock keep the device key (database `trame-device`). */
export const DEVICE_KEY_RECORDS = {
  db: 'trame-device',
  store: 'keys',
  /** The WebCrypto non-extractable AES-GCM key (unlocked devices). */
  wrapping: 'wrapping',
  /** The device key sealed by `wrapping`. */
  device: 'device',
  /** The device key sealed under the passphrase (locked devices, DEVICES-4). */
  locked: 'locked',
} as const;
