/**
 * The device lock's and the recovery phrase's operations (DEVICES-3, DEVICES-4), imported on
 * demand: a person who uses neither never downloads them (the welcome route's budget).
 */
export {
  downloadBackup,
  lockDevice,
  openBackup,
  recoveryKeys,
  removeDeviceLock,
  sealBackup,
  setLockIdleMinutes,
  unlockDevice,
  uploadBackup,
} from '@trame/workspace';
