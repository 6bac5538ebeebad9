import type * as Y from 'yjs';
import { asString } from '../util/asString.js';
import { setIfChanged } from '../util/setIfChanged.js';
import type { DeviceRecord } from './DeviceRecord.js';
import { INDEX_ROOTS } from './SpaceIndex.js';

/** A device's last seen is written again only after this long (every write is a signed update). */
export const LAST_SEEN_STEP_MS = 10 * 60_000;

/**
 * DEVICES-2: records a device in a space's index: its person, its name (kept when `name` is
 * undefined) and when it was last seen (only moved forward, by at least LAST_SEEN_STEP_MS).
 * Returns whether it wrote.
 */
export function setDeviceRecord(
  doc: Y.Doc,
  record: { id: string; person: string; name?: string; lastSeen?: number },
): boolean {
  const map = doc.getMap<unknown>(INDEX_ROOTS.devices);
  const current = (map.get(record.id) ?? {}) as Record<string, unknown>;
  const before = typeof current.lastSeen === 'number' ? current.lastSeen : 0;
  const lastSeen =
    record.lastSeen !== undefined && record.lastSeen >= before + LAST_SEEN_STEP_MS ? record.lastSeen : before;
  const next: Omit<DeviceRecord, 'id'> = {
    person: record.person,
    name: record.name ?? asString(current.name),
    lastSeen,
  };
  return setIfChanged(map, record.id, next);
}
