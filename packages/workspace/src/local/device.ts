/**
 * `@trame/workspace/device`: the device lock's and the recovery phrase's operations (DEVICES-3,
 * DEVICES-4), apart from the main entry so that an app can load them on demand (they are not
 * on the path of a person who uses neither).
 */
export { lockDevice } from './lock/lockDevice.js';
export { unlockDevice } from './lock/unlockDevice.js';
export { removeDeviceLock } from './lock/removeDeviceLock.js';
export { setLockIdleMinutes } from './lock/setLockIdleMinutes.js';
export { deriveLockKey } from './lock/deriveLockKey.js';
export { generateRecoveryPhrase } from './recovery/generateRecoveryPhrase.js';
export { recoveryKeys } from './recovery/recoveryKeys.js';
export { sealBackup } from './recovery/sealBackup.js';
export { openBackup } from './recovery/openBackup.js';
export { uploadBackup } from './recovery/uploadBackup.js';
export { downloadBackup } from './recovery/downloadBackup.js';
export { sealProfileBackup } from './recovery/sealProfileBackup.js';
export { mergeBackups } from './recovery/mergeBackups.js';
export { restoreFromPhrase } from './recovery/restoreFromPhrase.js';
export { savePersonBackup } from './recovery/savePersonBackup.js';
