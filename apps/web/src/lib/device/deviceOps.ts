/**
 * The device lock's and the recovery phrase's operations (DEVICES-3, DEVICES-4), imported on
 * demand from their own entry of @trame/workspace: a person who uses neither never downloads
 * them (route budgets, WEBAPP-3).
 */
export {
  downloadBackup,
  generateRecoveryPhrase,
  lockDevice,
  openBackup,
  recoveryKeys,
  restoreFromPhrase,
  savePersonBackup,
  removeDeviceLock,
  sealBackup,
  sealProfileBackup,
  setLockIdleMinutes,
  unlockDevice,
  uploadBackup,
} from '@trame/workspace/device';
export { deviceNameFrom } from '@trame/workspace/pairing';
