import { readDeviceLock } from './readDeviceLock.js';
import { writeDeviceKeyRecords } from './writeDeviceKeyRecords.js';

/** Changes after how many minutes of inactivity a locked device locks itself (0: at start only). */
export async function setLockIdleMinutes(factory: IDBFactory, idleMinutes: number): Promise<void> {
  const locked = await readDeviceLock(factory);
  if (locked) await writeDeviceKeyRecords(factory, { locked: { ...locked, idleMinutes } });
}
