import type * as Y from 'yjs';
import { asString } from '../util/asString.js';
import type { DeviceRecord } from './DeviceRecord.js';
import { INDEX_ROOTS } from './SpaceIndex.js';

/** DEVICES-2: every device record of a space's index, by device id. */
export function readDeviceRecords(doc: Y.Doc): Map<string, DeviceRecord> {
  const out = new Map<string, DeviceRecord>();
  doc.getMap<unknown>(INDEX_ROOTS.devices).forEach((v, id) => {
    if (typeof v !== 'object' || v === null) return;
    const r = v as Record<string, unknown>;
    out.set(id, {
      id,
      person: asString(r.person),
      name: asString(r.name),
      lastSeen: typeof r.lastSeen === 'number' && Number.isFinite(r.lastSeen) ? r.lastSeen : 0,
    });
  });
  return out;
}
